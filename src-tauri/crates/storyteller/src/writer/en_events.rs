//! English words for the 20 built-in events: title, place, situations (setup || payoff) and
//! episodes (problem || solution), in `BuiltInEvent::ALL` order.

use super::lexicon::EventWords;

const fn e(
    title: &'static str,
    place_in: &'static str,
    situation: &'static [&'static str],
    moments: &'static [&'static str],
) -> EventWords {
    EventWords {
        title,
        place_in,
        situation,
        moments,
    }
}

pub(super) static EVENTS: [EventWords; 20] = [
    e(
        "the Moonlit Path",
        "on the moonlit path behind the little house",
        &[
            "That evening, a {r:trail|path} of glowing fireflies appeared at the garden gate, and {N} and {C} decided to follow it before bedtime. || At the end of the {r:trail|path}, the fireflies danced one last dance just for them and then flew off to their beds of moss.",
            "The moon leaned down and {r:whispered|murmured} that a {r:sleepy|drowsy} star had {r:wandered|walked} off, and it needed help to find its way back to the sky. || With a gentle lift and a {r:whispered|murmured} goodnight, the little star floated back up to its place in the sky and twinkled a thank you.",
            "Just before bedtime, {N} noticed that the moon's silver {r:path|trail} ran right across the garden and up over the hill. || At the top of the hill the moon {r:smiled|beamed} down at them, and they knew they had found the most peaceful place in the whole world.",
        ],
        &[
            "Beside an old oak tree, a baby owl was trying very hard to stay awake for its first night flight. || The baby owl spread its wings, gave a happy hoot and glided around the oak tree for the very first time.",
            "On the hill they found a patch of moonflowers that had forgotten how to open. || One by one the moonflowers opened their silver petals and filled the air with a sweet, {r:sleepy|drowsy} smell.",
            "The {r:path|trail} of moonlight crossed a pond, and the water was so still that nobody knew where the stepping stones were. || Then the moon shone a little brighter, and the stepping stones appeared like a row of shiny buttons.",
            "A little hedgehog had curled up in the middle of the {r:path|trail} and could not remember the way to its bed of leaves. || They walked beside the hedgehog to the hedge, where a warm heap of leaves was waiting, and it snuggled in with a {r:tiny|teeny} yawn.",
            "The evening wind had tugged at the washing line, and a small blanket was caught in the branches of the apple tree. || The blanket came down soft and dry, and they folded it neatly and left it on the porch for the morning.",
            "Down by the stream the frogs were singing their evening song, but one little frog had lost the tune. || They hummed the tune together, low and slow, until the little frog found it again and the whole pond sang in harmony.",
            "A {r:sleepy|drowsy} cloud had drifted down so low that it hid the moon, and the {r:path|trail} lost its silver shine. || The cloud gave a long, soft sigh, floated up over the treetops, and the moonlight spilled across the {r:path|trail} once more.",
            "A tiny glow-worm sat on a fern, sighing, because its light had grown too faint to guide the beetles home. || The glow-worm's light grew warm and bright again, and a line of beetles followed it {r:gently|softly|quietly} home to bed.",
        ],
    ),
    e(
        "the Happiest School Day",
        "at the little school with the bright red door",
        &[
            "It was a school day, and the teacher had promised a very special surprise after lunch. || The surprise was a class picnic under the apple tree, and {r:everyone|everybody} agreed it was the happiest school day ever.",
            "On the way to school, {N} and {C} found a lost lunchbox with a name tag that said “Mo”. || Mo hugged the lunchbox and shared the strawberries inside, and from that day on Mo was their friend.",
            "Today the class was going to plant a garden, and {r:everyone|everybody} had brought a seed from home. || By the end of the day, twenty little seeds were tucked into the soil, and the whole class {r:whispered|murmured}, “Grow well.”",
        ],
        &[
            "During drawing time, a new classmate sat {r:quietly|gently|softly} in the corner, not drawing anything at all. || Soon the new classmate was drawing a purple elephant and laughing, and the picture went up on the wall.",
            "At break time the ball rolled under the big slide, and nobody could reach it. || With a long stick and a bit of teamwork, the ball rolled out again, and the game went on.",
            "In the reading corner, the pages of the favourite storybook had come loose and were scattered everywhere. || They put the pages back in order, tied them with a ribbon, and the story was whole again.",
            "The class hamster had pushed open its little door, and when the bell rang it was nowhere to be seen. || They found the hamster asleep in the teacher's slipper, and it went back to its cage with a {r:sleepy|drowsy} squeak.",
            "In the music corner, the little xylophone had lost one of its bars, and the class song had a hole in it. || The missing bar was under the piano, and when it clicked back into place, the whole class sang the song from beginning to end.",
            "At lunchtime a classmate spilled some juice over a drawing and looked ready to cry. || They dabbed the drawing dry, painted a blue sun where the juice had been, and it became the prettiest picture on the wall.",
            "The class was building a tower of wooden blocks, but it kept wobbling and tumbling down. || They put the biggest blocks at the bottom, and the tower stood tall and steady until the end of the day.",
            "During spelling time, a friend kept getting stuck on one long, tricky word. || They clapped the word out in little pieces, and soon the friend could spell it faster than anyone.",
        ],
    ),
    e(
        "the Birthday Surprise",
        "in a garden full of balloons and bunting",
        &[
            "It was a birthday, and {C} had been whispering secret plans all morning. || The secret plan was a surprise song, and {r:everyone|everybody} sang it so sweetly that the birthday felt like a hug.",
            "Today was a birthday party, and the cake was almost ready, but the candles had gone missing. || The candles were found in the flour jar, and when they were lit, {r:everyone|everybody} made a wish together.",
            "All the friends were invited to a birthday picnic, and {N} wanted every single guest to feel special. || By the end of the party, every guest had a paper crown and a smile, which was exactly what {N} had hoped for.",
        ],
        &[
            "A balloon slipped free and floated up towards the clouds, with a little card still tied to its string. || A friendly breeze turned the balloon around and brought it {r:gently|softly|quietly} back, card and all.",
            "The party games were ready, but one small guest was too shy to join in. || Soon the shy guest was laughing louder than anyone and asking to play one more time.",
            "When the cake came out, they found that there were more guests than slices. || They cut every slice in half, and somehow the little pieces tasted even sweeter.",
            "The birthday banner had come loose at one end and hung down like a {r:sleepy|drowsy} flag. || They pinned the banner up again, straight and bright, and every letter seemed to smile.",
            "The present was ready, but there was not a single sheet of wrapping paper left in the whole house. || They wrapped the present in a page of drawings, tied it with a chain of daisies, and it was the most admired present of all.",
            "A gust of wind blew the paper napkins across the lawn like a flock of white birds. || They chased the napkins in a happy game, and every single one came back to the table.",
            "The birthday song began, but everyone started on a different note, and it sounded rather funny. || They started again softly, all together, and this time the song was so sweet that even the birds stopped to listen.",
            "The big jelly wobbled so much that it looked ready to slide off its plate before it reached the garden. || They carried it together, slow and steady, one step at a time, and the jelly arrived wobbly but whole, to a round of cheers.",
        ],
    ),
    e(
        "the Weekend Expedition",
        "among the green hills at the edge of town",
        &[
            "It was Saturday, and {N} and {C} packed a backpack with sandwiches, a map and a magnifying glass. || They ate their sandwiches on the highest hill and agreed that exploring is best when you do it together.",
            "The weekend had arrived, and with it an old map showing a place called Whispering Meadow. || Whispering Meadow was real, and the grass there really did whisper, “Welcome, explorers.”",
            "On Saturday morning, {N} decided that today was the day to find where the little stream {r:began|started}. || The stream {r:began|started} at a {r:tiny|teeny} spring under a mossy rock, bubbling like a giggle.",
        ],
        &[
            "They found a hollow tree with a {r:tiny|teeny} door, and somebody had left a note that said, “Please knock {r:gently|softly|quietly}.” || A family of mice opened the door and invited them to peek at their {r:cosy|snug} home.",
            "The map showed a big X beside a rock shaped like a sleeping cat, but there were many rocks. || The right rock even had whiskers made of grass, and beneath it lay a tin box full of shiny buttons.",
            "At the top of the hill, the wind was so strong that the map almost flew away. || They folded the map into a {r:tiny|teeny} square and tucked it safely in the backpack.",
            "A little wooden bridge crossed the brook, but one of its planks had slipped sideways. || They set the plank straight, tested it with a careful step, and crossed to the other side as easily as anything.",
            "In a clearing, a mother rabbit was trying to count her babies, and the babies would not keep still. || They played a game of standing in a row, and the mother rabbit counted seven fluffy tails, every one of them there.",
            "The path split in two, and the wind had turned the signpost the wrong way round. || They looked at the sun, remembered the map, and turned the signpost back the right way for the next explorers.",
            "A big beetle had rolled onto its back among the pebbles and could not turn over. || With the tip of a leaf they helped the beetle onto its feet, and it trundled off, shining like a {r:tiny|teeny} green jewel.",
            "On a flat grey rock they spotted something curious: the shape of a shell pressed right into the stone. || It was a fossil from long, long ago, and they left it just where it was for the next explorers to wonder at.",
            "A squirrel had dropped its acorns all over the path and was chattering in a fluster. || They gathered the acorns into a neat little pile at the foot of its tree, and the squirrel chattered a happy thank you.",
        ],
    ),
    e(
        "the Rainy Day Magic",
        "in a cosy house while the rain pattered on the windows",
        &[
            "Rain was falling all day, so {N} and {C} decided to build the biggest blanket fort the living room had ever seen. || When the fort was finished, it was so {r:cosy|snug} that the rain outside sounded like a lullaby.",
            "It was too rainy to play outside, but {N} noticed that the raindrops on the window were racing each other. || They cheered for the raindrops all afternoon, and by the end every raindrop had won a race.",
            "On that rainy afternoon, {N} found a box in the attic labelled “For a rainy day”. || Inside the box was a kingdom made of cardboard, and they played in it until the rain stopped.",
        ],
        &[
            "Inside the blanket fort they wanted to open a pretend café, but there were no chairs. || Cushions made perfect chairs, and the café served pretend tea to every teddy in the house.",
            "A puddle outside the window reflected a rainbow, and {N} wanted to know where it {r:began|started}. || They found out that rainbows begin wherever sunshine and raindrops meet, which is a kind of magic.",
            "The paints in the old box had dried out and would not work. || A few drops of water woke the colours up, and soon the window was full of painted flowers.",
            "The rain had made the cat too restless to nap, and it kept chasing the raindrops on the glass. || They made the cat a ball of wool and a cardboard box to hide in, and soon it was purring in the box, fast asleep.",
            "The muddy boots by the door had left a trail of footprints all the way down the hall. || They turned the tidying into a game of hopscotch with cloths, and soon the hall floor shone again.",
            "They wanted to finish the big puzzle, but the last piece of the sky was missing. || The missing piece was under the sofa, beside a lost marble and a crayon, and at last the sky was whole.",
            "They wanted to bake biscuits, but raindrops from an open window had splashed the recipe card and blurred half the words. || They guessed the missing words together, and the biscuits came out a little lopsided and absolutely delicious.",
            "They folded a paper boat for the big puddle by the door, but it went soggy straight away. || They folded a second boat from thicker paper, and it bobbed across the puddle all the way to the other side.",
            "The plants on the windowsill looked droopy and pale, because the grey day had hidden the sun. || They moved the plants to the brightest spot in the room and gave each one a sip of water, and by evening the leaves stood up again.",
            "Grandma's basket of wool had tipped over, and all the yarn had tangled into one big woolly knot. || They untangled the knot strand by strand and wound every colour into its own neat ball, and Grandma clapped her hands.",
            "They wanted to put on a puppet show, but the puppets had no stage. || An upturned table and a tea towel made a perfect stage, and the puppets bowed to an audience of teddies.",
            "The rain dripped so steadily from the gutter that it ticked like a clock, and the afternoon felt very long. || They made up a song to the rhythm of the drips, and the afternoon went by as quickly as a tune.",
            "The dressing-up box was full, but every hat was too big and every coat too long. || They rolled up the sleeves, stuffed the hats with scarves, and held a grand parade all along the hall.",
            "The toy train had run out of track halfway across the carpet. || They built the rest of the track from books and rulers, and the little train chugged all the way to the sofa station.",
            "The window had misted over, and nobody could see the garden any more. || They drew a smiling sun on the misty glass, and through the sun's round face the garden peeped back at them.",
            "A favourite teddy had a loose ear that flopped sadly over one eye. || With a needle, some thread and a grown-up's help, the ear was stitched back on, and the teddy looked ready for anything.",
            "They wanted to play shop, but there was no money in the pretend till. || They cut coins out of yellow paper and drew a smiling face on every one, and the shop opened for business at once.",
            "The rainy day made the kitchen so chilly that the bread dough would not rise. || They tucked the bowl under a warm tea towel beside the radiator, and an hour later the dough had puffed up like a cloud.",
        ],
    ),
    e(
        "the Family Picnic",
        "in the warm little house where the whole family lived",
        &[
            "Today the whole family was together, and they planned a picnic in the garden followed by stories. || The picnic was so {r:lovely|wonderful|marvellous} that {r:everyone|everybody} decided to do it again every single week.",
            "Grandma had come to visit, and she brought an old recipe for the softest honey cake. || The honey cake came out golden and soft, and Grandma said it was the best one ever made.",
            "It was family day, and {r:everyone|everybody} had a job to do, from the biggest to the smallest. || By evening all the jobs were done, and the family sat together on the sofa, tired and happy.",
        ],
        &[
            "Grandpa's reading glasses had gone missing, and without them he could not read the bedtime story. || The glasses were on top of Grandpa's head all along, and {r:everyone|everybody} laughed until their tummies hurt.",
            "The honey cake needed three eggs, and there were only two in the basket. || The neighbour had an egg to spare, and in return she got the first slice of cake.",
            "The little baby cousin would not settle down until somebody found the right song. || The right song turned out to be a very quiet one, and the baby fell asleep with a smile.",
            "The family photo album had come apart, and all the pictures were mixed up. || They put the pictures back in order, from the oldest to the newest, and laughed at the funny hats in every one.",
            "Everyone wanted to play a different game, and nobody could decide. || They put the name of every game in a hat, and the first one drawn turned out to be the one {r:everyone|everybody} liked best.",
            "Dad was trying to fold a big sheet all by himself, and it kept flapping like a sail. || With a corner in every pair of hands, the sheet was folded in a moment, as neat as a letter.",
            "The family's old dog wanted to join in the game, but its legs were tired and slow. || They played a slow, gentle game just for the old dog, and it wagged its tail as if it had won a prize.",
            "It was time to cook dinner together, but the soup tasted of almost nothing at all. || A pinch of salt, a sprig of parsley and a lot of stirring later, the soup tasted like a warm hug.",
        ],
    ),
    e(
        "a New Friend",
        "in the park with the big old oak tree",
        &[
            "At the park there was a child nobody had seen before, standing {r:quietly|gently|softly} by the swings. || By the end of the afternoon the new child had a name, Ada, and two brand-new friends.",
            "A new family had moved in next door, and {N} wanted to say hello. || The new neighbours waved from their window that evening, and {N} knew this was the start of something {r:lovely|wonderful|marvellous}.",
            "That morning, {N} made a promise: today {P} would make a brand-new friend. || And {P} kept the promise, because a friend was waiting just around the corner.",
        ],
        &[
            "The new child only spoke a few words of the same language, but {r:smiled|beamed} a big smile. || It turned out that games, smiles and high fives need no words at all.",
            "Two children wanted the same swing, and neither of them wanted to wait. || They took turns counting to twenty, and soon nobody minded waiting at all.",
            "The new friend had a kite, but it was stuck in the branches of the oak tree. || The kite came free with a gentle tug and flew higher than ever, pulling {r:everyone|everybody}'s smiles up with it.",
            "A boy was building a sandcastle all by himself in the sandpit, too shy to ask anyone to help. || They offered to fetch water for the moat, and soon three friends were building the tallest castle the sandpit had ever seen.",
            "Two children had both drawn a dragon on the pavement in chalk, and each said theirs was the best. || They drew a chalk bridge between the two dragons, and the two children laughed and drew a castle for their dragons to share.",
            "The new friend's puppy was shy and hid behind the bench whenever anyone came near. || They sat very still and held out an open hand, and after a while the puppy crept out, sniffed it and wagged its tail.",
            "At the picnic table, a child was eating dumplings that nobody else knew and looked worried about being different. || The child shared the dumplings and explained how Grandma made them, and {r:everyone|everybody} agreed that new friends bring new tastes.",
            "A group of children wanted to play hide-and-seek, but they were one player short. || They asked the quiet girl on the bench to join in, and it turned out she knew all the very best hiding places.",
        ],
    ),
    e(
        "Something New",
        "in the little library with a garden on the roof",
        &[
            "Today {N} wanted to learn something new: how to ride a bicycle without the little wheels. || By sunset {N} was riding in wobbly circles, then in straight lines, and {C} cheered every single time.",
            "The librarian showed {N} a book about the stars and asked if {P} would like to learn their names. || That night {N} could point to the Great Bear and the North Star and say their names out loud.",
            "{N} had decided to learn to play a tune on a {r:tiny|teeny} wooden flute. || In the evening {N} played the whole tune for the family, and not one note squeaked.",
        ],
        &[
            "The first try did not go as planned, and the second try was a bit wobbly too. || The third try was better, and the fourth was the best of all.",
            "The book was full of new words, and some of them were very long indeed. || They broke the long words into little pieces, and each piece was easy.",
            "The tune had one tricky note that kept coming out as a squeak. || With a gentle breath instead of a big one, the tricky note came out round and clear.",
            "The knitting needles kept slipping, and the first row of stitches came undone again and again. || Slowly, one loop at a time, the row held, and by evening there was a {r:tiny|teeny} scarf for a teddy bear.",
            "The paper crane in the book needed twenty folds, and one of them made no sense at all. || They turned the paper over and tried once more, and a little paper crane stood on the table with its wings spread.",
            "Learning to whistle was harder than it looked, and only air came out. || After lots of tries and lots of giggles, a small, clear whistle floated out, like a bird saying hello.",
            "Tying shoelaces meant making two loops, and the loops kept slipping apart. || The bunny-ears trick did it: one loop, two loops, a hop through the hole, and the bow held tight.",
            "Counting all the way to a hundred was a long journey, and somewhere in the sixties the numbers got muddled. || They counted in tens first, like stepping stones, and then the whole way to a hundred felt easy.",
        ],
    ),
    e(
        "the Helping Day",
        "in the village with the crooked chimneys",
        &[
            "Mrs Bramble's garden was full of weeds, and she was too tired to pull them all by herself. || By teatime the garden was tidy, and Mrs Bramble gave {r:everyone|everybody} a cup of warm cocoa to say thank you.",
            "The village was getting ready for a festival, and {r:everyone|everybody} needed an extra pair of hands. || When the festival lights came on, {r:everyone|everybody} knew that many small helpers had made it happen.",
            "A little duckling had lost its family, and {N} and {C} decided to help it find them. || The duckling's mother quacked with joy, and the whole duck family waddled past in a thankful parade.",
        ],
        &[
            "The wheelbarrow was full of flower pots, and one of its wheels had come loose. || With a twist and a tap, the wheel was back in place, and the flower pots reached the market safely.",
            "The baker had burnt his fingers a little and could not knead the dough for the festival bread. || Small hands kneaded the dough, and the bread came out of the oven round and golden.",
            "The duckling's family had swum to the other side of the pond. || They {r:walked|wandered} the duckling around the pond, and soon it could see its family waiting in the reeds.",
            "Old Mr Pepper's cat had climbed onto the garden shed and would not come down for its supper. || They rattled the food bowl softly and waited patiently, and at last the cat hopped down and trotted in for its supper.",
            "The library had a big pile of returned books, and the librarian could not put them all away before closing time. || They sorted the books by letter and carried them shelf by shelf, and every book was back in its place before the lights went out.",
            "A little girl had dropped her bag of marbles, and they had rolled all over the square. || They searched and counted and found every last marble, even the blue one hiding in a flowerpot.",
            "The neighbour's washing was still on the line, and big grey clouds were rolling in. || They unpegged the washing, folded it into the basket, and the first raindrops fell just as the neighbour's door closed.",
            "The school's vegetable patch was thirsty, and the watering can was far too heavy for one person. || They carried the can together, one hand each on the handle, and every lettuce and bean had a good long drink.",
        ],
    ),
    e(
        "the Holiday Lights",
        "in the snowy village lit by lanterns",
        &[
            "It was the holidays, and the whole village was hanging lanterns and ribbons on every door. || When the last lantern was lit, the village glowed like a jar full of stars.",
            "Snow had fallen during the night, and the holiday market was opening in the square. || At the market they shared warm chestnuts with {r:everyone|everybody} they met, and the snow sparkled around them.",
            "For the holidays, {N} wanted to give a present to every friend, but {P} had no money at all. || {N} made presents out of paper stars and kind words, and they were the most loved presents of all.",
        ],
        &[
            "The big star for the top of the tree had slipped and was now stuck in a snowdrift. || They dusted the star off, and it was lifted back to the top of the tree, shining brighter than before.",
            "The lanterns would not stay lit, because the wind kept blowing out the little flames. || They built a little wall of snow to shelter the lanterns, and every flame stood tall and bright.",
            "An old man on a bench in the square had lost his mittens, and his hands were getting chilly. || The mittens were found under the bench, and the old man taught them a holiday song as a thank you.",
        ],
    ),
    e(
        "the Enchanted Forest",
        "in an enchanted forest where the mushrooms glowed",
        &[
            "Deep in the forest, the oldest tree had stopped singing, and all the animals were worried. || When the old tree {r:began|started} to sing again, every leaf in the forest joined in the song.",
            "A silver leaf floated down and landed in {N}'s hand, and on it were the words, “Please come.” || The leaf had been sent by the forest fairies, who wanted to thank {N} for being such a good friend to the trees.",
            "The forest fairies had lost their lantern, and without it they could not find the way to their party. || The fairies' lantern glowed again, and the party lasted until the moon was high.",
        ],
        &[
            "A {r:path|trail} of glowing mushrooms led to a clearing where the flowers were closed tight. || The flowers opened, one petal at a time, and the clearing glowed in every colour of the rainbow.",
            "A family of hedgehogs needed to cross a brook, but their little legs were too short. || A bridge of bark carried the hedgehogs across, and they rolled up into happy little balls on the other side.",
            "The wise old tree asked a riddle: “What grows bigger the more you give it away?” || “Kindness!” they answered, and the old tree rustled its leaves with delight.",
        ],
    ),
    e(
        "the Friendly Dragon",
        "in the soft green mountains where the dragons nap",
        &[
            "High in the mountains lived a small dragon who could not breathe fire, only warm, ticklish bubbles. || The little dragon learned that bubbles are a {r:wonderful|marvellous|lovely} gift, and {r:everyone|everybody} loved to play in them.",
            "One day a baby dragon landed in the meadow with a bump and a very embarrassed smile. || The baby dragon flew home at last, doing a happy loop-the-loop over their heads.",
            "The village children had always wondered about the gentle rumbling in the mountains, and today {N} found out: it was a dragon snoring. || The {r:sleepy|drowsy} dragon woke up, yawned a warm, cinnamon-scented yawn and became their friend for ever.",
        ],
        &[
            "The little dragon wanted to fly to its family's cave, but it kept wobbling in the wind. || With a little practice and a lot of cheering, the dragon flew straight and steady.",
            "The dragon had a thorn in its paw and was too shy to ask anyone for help. || The thorn came out {r:gently|softly|quietly}, and the dragon purred like a giant kitten.",
            "The other dragons were having a bubble contest, and the little dragon was too nervous to try. || The little dragon blew the biggest, shiniest bubble of the day, and {r:everyone|everybody} cheered.",
        ],
    ),
    e(
        "the Underwater Treasure",
        "in a bright underwater reef full of colourful fish",
        &[
            "A bubble carrying a {r:tiny|teeny} map floated up to the surface and popped right in front of {N}'s nose. || The map led to a chest full of shiny shells, and they shared them with every fish on the reef.",
            "Beneath the waves, the friendly fish were searching for a treasure chest that had been lost for a hundred years. || The old chest was found at last, and inside it was the reef's favourite treasure: a song that every fish could sing.",
            "A kind old whale told {N} about a chest of shining pearls hidden somewhere in the coral garden. || They brought the pearls to the old whale, who hung them in the water like a necklace of little moons.",
        ],
        &[
            "A shy octopus had hidden inside the coral, and it held one end of the map. || The octopus came out, waved all eight arms and joined the hunt.",
            "The treasure chest was stuck under a heavy, {r:sleepy|drowsy} starfish who did not want to move. || The starfish rolled over with a yawn, and the chest was free.",
            "A current carried them {r:gently|softly|quietly} into a cave, and they could not see the way out. || Glowing jellyfish lit the way like little lamps, and the way out was easy to find.",
        ],
    ),
    e(
        "the Cloud Castle",
        "in a castle made of clouds high above the world",
        &[
            "A staircase made of cloud appeared in the garden, and at the top stood a castle as white as whipped cream. || The cloud king invited them to a feast of rain-drop jelly, and they floated home on a soft little cloud.",
            "The king of the clouds had lost his rainbow crown, and without it the rain could not find its colours. || The king put on his crown, and the next rain shower left the brightest rainbow anyone had ever seen.",
            "A cloud shaped like a sheep floated down and offered {N} and {C} a ride up into the sky. || The sheep cloud showed them the whole world from above, all {r:tiny|teeny} and peaceful, before bringing them {r:gently|softly|quietly} home.",
        ],
        &[
            "The bridge between two towers was made of mist, and it kept drifting apart. || They knitted the mist together with a sunbeam, and the bridge held firm and sparkly.",
            "The cloud puppies were bouncing around so much that they had bounced something important out of a window. || The lost treasure was caught in a soft little cloud just below, safe and sound.",
            "The wind blew a little too hard, and the castle {r:began|started} to drift towards the mountains. || They asked the wind nicely to blow the other way, and the castle drifted back to its place.",
        ],
    ),
    e(
        "the Time Travel Mission",
        "in a storybook castle long, long ago",
        &[
            "{N} found an old pocket watch that ticked backwards, and when {P} wound it, the whole room {r:began|started} to spin {r:gently|softly|quietly}. || With one more wind of the watch, the room spun {r:gently|softly|quietly} back, and they were home in time for supper.",
            "A friendly clockmaker asked {N} and {C} for help: a page of history had been smudged, and they had to set it right. || The page of history was clear again, and the clockmaker gave them a {r:tiny|teeny} golden key to remember the day.",
            "The grandfather clock in the hall chimed thirteen times, and its door creaked open onto a sunny day long ago. || When the clock chimed twelve, the door opened back onto the hall at home, just as if no time had passed.",
        ],
        &[
            "In the castle courtyard, the royal baker had forgotten how to make bread, and the feast was tonight. || They remembered the recipe together, and the whole castle smelled of warm bread.",
            "A young knight had lost the key to the castle library, where all the stories were kept. || The key was hanging on the knight's own belt, and the library door opened with a happy click.",
            "The clock's hands had got tangled, and they needed to be set straight before the sun went down. || Gently, {r:gently|softly|quietly}, the hands came apart, and the clock ticked happily again.",
        ],
    ),
    e(
        "the Starry Voyage",
        "in a tiny silver rocket among the twinkling stars",
        &[
            "{N} and {C} built a rocket out of a cardboard box, and that night it really, truly lifted off. || The rocket landed {r:softly|gently|quietly} in the garden, and the cardboard box became an ordinary box again, but they knew better.",
            "A little star fell into the garden and asked for a ride back home to the Milky Way. || The little star twinkled its way home, and every night after that it winked at {N}'s window.",
            "The moon had sent an invitation: a space picnic on the rings of a faraway planet. || The picnic on the planet rings was the most {r:beautiful|lovely} picnic in the whole universe.",
        ],
        &[
            "On a small blue planet, they met a shy little alien who collected moon pebbles. || The alien gave them a glowing pebble to keep, and they taught the alien how to wave goodbye.",
            "The rocket's map got muddled, and all the planets looked like beach balls. || They counted the rings and the moons, and soon they knew exactly where they were.",
            "A comet zoomed past, trailing glittering dust, and asked if they wanted to race. || It was the happiest race in the galaxy, and {r:everybody|everyone} won.",
        ],
    ),
    e(
        "the Tiny World",
        "in a tiny world hidden between the blades of grass",
        &[
            "{N} found a glowing acorn, and when {P} touched it, {P} shrank to the size of a ladybird. || When the adventure was over, the acorn glowed once more, and {N} grew back to just the right size.",
            "Under the garden roses there was a whole village no bigger than a teacup, and tonight its people needed help. || The {r:tiny|teeny} people threw a {r:tiny|teeny} party, with music so soft it sounded like the wings of a moth.",
            "A bumblebee landed on {N}'s finger and invited {O} to visit the {r:tiny|teeny} kingdom under the garden. || The bumblebee carried them home on its fuzzy back, humming all the way.",
        ],
        &[
            "A single raindrop was as big as a ball, and it had rolled right across the village gate. || They rolled the raindrop into a flower cup, where the bees could drink from it.",
            "The ants were building a bridge, but one of the twigs was far too heavy. || With {r:everyone|everybody} pushing, the twig slid into place, and the ants cheered in {r:tiny|teeny} voices.",
            "The {r:tiny|teeny} queen's crown was made of a dewdrop, and it had rolled away under a leaf. || The dewdrop crown was found, sparkling, and the queen wore it proudly again.",
        ],
    ),
    e(
        "the Weather Wizard's Lesson",
        "on the hilltop where the weather wizard lived",
        &[
            "The weather wizard was getting old and needed an apprentice, and she chose {N}. || The weather wizard {r:smiled|beamed} and said, “You are ready,” and gave {N} a little cloud of {POS} very own.",
            "The clouds had got muddled, and it was snowing on the flowers and raining on the snowmen. || Soon the snow was back on the snowmen, the rain was back on the flowers, and everything was just right.",
            "On top of the hill there was a weathervane that could talk, and today it had an important message. || The message was simple: “Tomorrow will be sunny,” and the whole village cheered.",
        ],
        &[
            "The first lesson was making a gentle breeze, but the first try made a {r:tiny|teeny} whirlwind full of leaves. || The second try made a breeze so soft that it could rock a baby bird to sleep.",
            "A little cloud was too shy to rain, and the thirsty garden was waiting. || The little cloud rained the gentlest rain, and every flower in the garden lifted its head.",
            "To make a rainbow, they needed a bit of sun, a bit of rain and a lot of patience. || The rainbow arched over the hill, and its end landed right at their feet.",
        ],
    ),
    e(
        "the Animal Whispers",
        "in a sunny woodland clearing full of animals",
        &[
            "One morning {N} woke up and found that {P} could understand every word the animals said. || By evening {N} had so many animal friends that they all came to say goodnight.",
            "A wise old tortoise offered to teach {N} the language of the forest animals. || The tortoise nodded slowly and said that {N} had learned the most important word of all: “friend”.",
            "The animals of the clearing had a problem, and they needed someone who could listen. || Because someone had listened, the animals found their own answer, and the clearing was peaceful again.",
        ],
        &[
            "The rabbits and the squirrels could not agree whose turn it was to use the sunny spot. || They agreed to share: rabbits in the morning, squirrels in the afternoon, and {r:everybody|everyone} together at teatime.",
            "A little robin had something important to say, but it only knew how to sing it. || The robin's song meant, “My eggs have hatched!”, and {r:everyone|everybody} went to see the {r:tiny|teeny} chicks.",
            "The frogs wanted to hold a concert, but they could not agree on the song. || They sang all the songs, one after another, and it was the longest, happiest concert the pond had ever heard.",
        ],
    ),
    e(
        "the Land of Dreams",
        "in the land of dreams, where islands float among soft moons",
        &[
            "As soon as {N} closed {POS} eyes, a feather boat came to carry {O} off to the land of dreams. || The feather boat carried {N} back home, floating down as {r:softly|gently|quietly} as a falling leaf.",
            "In the land of dreams, the sandman had lost his bag of golden sand, and nobody could fall asleep. || The sandman found his golden sand and sprinkled a little on {r:everyone|everybody}, and the whole land yawned happily.",
            "{N} dreamed of a staircase of clouds, and at the top {C} was waiting with a lantern. || At the top of the staircase, the lantern showed the way to the gentlest dream of all.",
        ],
        &[
            "The dream island of candy floss was drifting away, and the dream children wanted to go and play there. || A rope of rainbow brought the island back, and {r:everybody|everyone} played there until it was time to rest.",
            "A gentle dream giant was sitting {r:quietly|gently|softly}, because he had forgotten the end of his favourite lullaby. || They hummed the lullaby together until the giant remembered, and he sang it so {r:softly|gently|quietly} that the stars swayed.",
            "The stars had got mixed up and were spelling silly words across the dream sky. || They moved the stars back, one by one, until the sky spelled “goodnight”.",
        ],
    ),
];
