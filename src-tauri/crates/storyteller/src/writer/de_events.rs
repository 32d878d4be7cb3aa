//! German words for the 20 built-in events: title, place, situations (setup || payoff) and
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
        "der Mondpfad",
        "auf dem Mondpfad hinter dem kleinen Haus",
        &[
            "An diesem Abend erschien am Gartentor eine Spur aus leuchtenden Glühwürmchen, und {N} und {C} beschlossen, ihr vor dem Schlafengehen zu folgen. || Am Ende der Spur tanzten die Glühwürmchen einen letzten Tanz nur für sie und flogen dann zu ihren Moosbettchen.",
            "Der Mond beugte sich herab und {r:flüsterte|wisperte}, dass ein schläfriges Sternchen sich verirrt hatte und Hilfe brauchte, um zurück an den Himmel zu finden. || Mit einem sanften Schubs und einem geflüsterten Gute Nacht schwebte das Sternchen zurück an seinen Platz und funkelte ein Dankeschön.",
            "Kurz vor dem Schlafengehen bemerkte {N}, dass der silberne Pfad des Mondes quer durch den Garten und über den Hügel führte. || Oben auf dem Hügel lächelte der Mond zu ihnen herab, und sie wussten, dass sie den friedlichsten Ort der Welt gefunden hatten.",
        ],
        &[
            "Neben einer alten Eiche gab sich ein Eulenbaby große Mühe, für seinen allerersten Nachtflug wach zu bleiben. || Das Eulenbaby breitete die Flügel aus, rief ein fröhliches Huhu und flog zum allerersten Mal um die Eiche.",
            "Auf dem Hügel fanden sie Mondblumen, die vergessen hatten, wie man sich öffnet. || Eine nach der anderen öffneten die Mondblumen ihre silbernen Blüten, und die Luft duftete süß und schläfrig.",
            "Der Mondpfad führte über einen Teich, der so still war, dass niemand wusste, wo die Trittsteine lagen. || Da leuchtete der Mond ein bisschen heller, und die Steine erschienen wie eine Reihe glänzender Knöpfe.",
            "Ein kleiner Igel hatte sich mitten auf dem Pfad zusammengerollt und wusste nicht mehr, wo sein Blätterbett war. || Sie begleiteten den Igel bis zur Hecke, wo ein warmer Laubhaufen auf ihn wartete, und er kuschelte sich mit einem winzigen Gähnen hinein.",
            "Der Abendwind hatte an der Wäscheleine gezupft, und nun hing eine kleine Decke in den Zweigen des Apfelbaums fest. || Die Decke kam weich und trocken herunter, sie falteten sie ordentlich und legten sie für den Morgen auf die Veranda.",
            "Am Bach sangen die Frösche ihr Abendlied, doch ein kleiner Frosch hatte die Melodie verloren. || Sie summten die Melodie gemeinsam, leise und langsam, bis der kleine Frosch sie wiederfand und der ganze Teich im Chor sang.",
            "Eine schläfrige Wolke war so tief herabgesunken, dass sie den Mond verdeckte, und der Pfad hatte seinen silbernen Schimmer verloren. || Die Wolke seufzte lang und sanft, schwebte über die Baumwipfel hinauf, und das Mondlicht fiel wieder auf den Pfad.",
            "Ein winziges Glühwürmchen saß seufzend auf einem Farn, denn sein Licht war zu schwach geworden, um den Käfern den Heimweg zu zeigen. || Das Licht des Glühwürmchens wurde wieder warm und hell, und eine Reihe Käfer folgte ihm ganz leise nach Hause ins Bett.",
        ],
    ),
    e(
        "der schönste Schultag",
        "in der kleinen Schule mit der roten Tür",
        &[
            "Es war ein Schultag, und die Lehrerin hatte nach dem Mittagessen eine ganz besondere Überraschung versprochen. || Die Überraschung war ein Picknick unter dem Apfelbaum, und alle waren sich einig: Es war der schönste Schultag überhaupt.",
            "Auf dem Schulweg fanden {N} und {C} eine verlorene Brotdose mit einem Namensschild, auf dem „Mo“ stand. || Mo drückte die Brotdose an sich und teilte die Erdbeeren darin, und von diesem Tag an war Mo ihr Freund.",
            "Heute wollte die Klasse einen Garten anlegen, und alle hatten einen Samen von zu Hause mitgebracht. || Am Ende des Tages schliefen zwanzig kleine Samen in der Erde, und die ganze Klasse {r:flüsterte|wisperte}: „Wachst gut.“",
        ],
        &[
            "In der Malstunde saß ein neues Kind still in der Ecke und malte gar nichts. || Bald malte das neue Kind lachend einen lila Elefanten, und das Bild kam an die Wand.",
            "In der Pause rollte der Ball unter die große Rutsche, und niemand kam heran. || Mit einem langen Stock und ein bisschen Teamarbeit rollte der Ball wieder heraus, und das Spiel ging weiter.",
            "In der Leseecke hatten sich die Seiten des Lieblingsbuchs gelöst und lagen überall verstreut. || Sie legten die Seiten wieder in die richtige Reihenfolge, banden sie mit einem Band zusammen, und die Geschichte war wieder ganz.",
            "Der Klassenhamster hatte sein Türchen aufgeschoben, und als die Glocke läutete, war er nirgends zu sehen. || Sie fanden den Hamster schlafend im Hausschuh der Lehrerin, und er kehrte mit einem verschlafenen Piepsen in seinen Käfig zurück.",
            "In der Musikecke fehlte dem kleinen Xylophon ein Klangstab, und das Klassenlied klang ganz schief. || Der Klangstab lag unter dem Klavier, und als er wieder an seinem Platz war, sang die ganze Klasse das Lied von Anfang bis Ende.",
            "Beim Mittagessen kippte ein Klassenkamerad seinen Saft über sein Bild und war den Tränen nahe. || Sie tupften das Bild trocken, malten eine blaue Sonne dorthin, wo der Saft gewesen war, und es wurde das schönste Bild an der Wand.",
            "Die Klasse baute einen Turm aus Holzklötzen, doch er wackelte und fiel immer wieder um. || Sie legten die größten Klötze nach unten, und der Turm stand gerade und fest bis zum Ende des Tages.",
            "Beim Rechtschreiben blieb eine Freundin immer wieder an einem langen, schwierigen Wort hängen. || Sie klatschten das Wort in kleinen Silben, und bald konnte die Freundin es schneller schreiben als alle anderen.",
        ],
    ),
    e(
        "die Geburtstagsüberraschung",
        "in einem Garten voller Luftballons und Wimpelketten",
        &[
            "Es war ein Geburtstag, und {C} {r:flüsterte|wisperte} schon den ganzen Morgen geheime Pläne. || Der geheime Plan war ein Überraschungslied, und alle sangen es so schön, dass sich der Geburtstag wie eine Umarmung anfühlte.",
            "Heute war eine Geburtstagsfeier, und der Kuchen war fast fertig, aber die Kerzen waren verschwunden. || Die Kerzen steckten im Mehltopf, und als sie brannten, wünschten sich alle gemeinsam etwas.",
            "Alle Freunde waren zu einem Geburtstagspicknick eingeladen, und {N} wollte, dass sich jeder Gast besonders fühlte. || Am Ende der Feier hatte jeder Gast eine Papierkrone und ein Lächeln, genau wie {N} es sich gewünscht hatte.",
        ],
        &[
            "Ein Luftballon riss sich los und stieg zu den Wolken hinauf, an seiner Schnur noch ein kleines Kärtchen. || Eine freundliche Brise drehte um und brachte den Ballon sanft zurück, samt Kärtchen.",
            "Die Spiele waren vorbereitet, aber ein kleiner Gast war zu schüchtern, um mitzumachen. || Bald lachte der schüchterne Gast lauter als alle anderen und wollte noch eine Runde spielen.",
            "Als der Kuchen kam, gab es mehr Gäste als Stücke. || Sie schnitten jedes Stück in zwei Hälften, und die kleinen Stücke schmeckten sogar noch süßer.",
            "Die Geburtstagsgirlande hatte sich an einem Ende gelöst und hing herab wie eine verschlafene Fahne. || Sie hängten die Girlande wieder auf, schön gerade und bunt, und jeder Buchstabe schien zu lächeln.",
            "Das Geschenk war fertig, aber im ganzen Haus gab es kein einziges Blatt Geschenkpapier mehr. || Sie wickelten das Geschenk in ein Blatt voller Zeichnungen, banden eine Kette aus Gänseblümchen darum, und es wurde das meistbewunderte Geschenk von allen.",
            "Ein Windstoß wehte die Papierservietten über den Rasen wie einen Schwarm weißer Vögel. || Lachend liefen sie den Servietten nach, und jede einzelne kam zurück auf den Tisch.",
            "Das Geburtstagslied begann, aber alle fingen mit einem anderen Ton an, und es klang ziemlich lustig. || Sie fingen noch einmal leise an, alle zusammen, und diesmal klang das Lied so schön, dass sogar die Vögel innehielten und zuhörten.",
            "Der große Wackelpudding wackelte so sehr, dass er fast vom Teller rutschte, bevor er im Garten ankam. || Sie trugen ihn gemeinsam, langsam und Schritt für Schritt, und der Pudding kam wackelnd, aber heil an, und alle klatschten.",
        ],
    ),
    e(
        "die Wochenend-Expedition",
        "in den grünen Hügeln am Rand der Stadt",
        &[
            "Es war Samstag, und {N} und {C} packten einen Rucksack mit Broten, einer Karte und einer Lupe. || Sie aßen ihre Brote auf dem höchsten Hügel und waren sich einig, dass Entdecken zu zweit am schönsten ist.",
            "Das Wochenende war da und mit ihm eine alte Karte, auf der ein Ort namens Flüsterwiese eingezeichnet war. || Die Flüsterwiese gab es wirklich, und das Gras dort {r:flüsterte|wisperte} tatsächlich: „Willkommen, ihr Entdecker.“",
            "Am Samstagmorgen beschloss {N}, dass heute der Tag war, um herauszufinden, wo der kleine Bach entspringt. || Der Bach entsprang einer winzigen Quelle unter einem moosigen Stein und blubberte wie ein Kichern.",
        ],
        &[
            "Sie fanden einen hohlen Baum mit einer winzigen Tür, an der ein Zettel hing: „Bitte sanft klopfen.“ || Eine Mäusefamilie öffnete die Tür und ließ sie einen Blick in ihr gemütliches Zuhause werfen.",
            "Die Karte zeigte ein großes X neben einem Felsen, der wie eine schlafende Katze aussah, aber es gab viele Felsen. || Der richtige Felsen hatte sogar Schnurrhaare aus Gras, und darunter lag eine Blechdose voller glänzender Knöpfe.",
            "Oben auf dem Hügel wehte der Wind so stark, dass die Karte fast davonflog. || Sie falteten die Karte zu einem winzigen Quadrat und steckten sie sicher in den Rucksack.",
            "Eine kleine Holzbrücke führte über den Bach, aber eines ihrer Bretter war verrutscht. || Sie rückten das Brett gerade, prüften es mit einem vorsichtigen Schritt und gingen ganz leicht auf die andere Seite.",
            "Auf einer Lichtung versuchte eine Hasenmama, ihre Kinder zu zählen, doch die Kleinen hielten einfach nicht still. || Sie spielten Aufstellen in einer Reihe, und die Hasenmama zählte sieben flauschige Schwänzchen: Keines fehlte.",
            "Der Weg teilte sich, und der Wind hatte den Wegweiser verdreht. || Sie schauten nach der Sonne, dachten an die Karte und drehten den Wegweiser für die nächsten Entdecker wieder richtig herum.",
            "Ein großer Käfer war zwischen den Kieselsteinen auf den Rücken gefallen und kam nicht mehr hoch. || Mit der Spitze eines Blattes halfen sie dem Käfer auf die Beine, und er krabbelte davon und glänzte wie ein kleines grünes Juwel.",
            "Auf einem flachen grauen Stein entdeckten sie etwas Seltsames: die Form einer Muschel, mitten im Stein. || Es war ein Fossil aus uralter Zeit, und sie ließen es genau dort liegen, damit auch die nächsten Entdecker darüber staunen konnten.",
            "Ein Eichhörnchen hatte seine Eicheln über den ganzen Weg verstreut und keckerte ganz aufgeregt. || Sie sammelten die Eicheln zu einem ordentlichen Häufchen am Fuß seines Baumes, und das Eichhörnchen keckerte ein fröhliches Dankeschön.",
        ],
    ),
    e(
        "der Regentag-Zauber",
        "in einem gemütlichen Haus bei leisem Regen",
        &[
            "Den ganzen Tag regnete es, also beschlossen {N} und {C}, die größte Deckenhöhle zu bauen, die das Wohnzimmer je gesehen hatte. || Als die Höhle fertig war, war es darin so {r:gemütlich|kuschelig}, dass der Regen draußen wie ein Schlaflied klang.",
            "Es regnete zu sehr, um draußen zu spielen, aber {N} bemerkte, dass die Regentropfen am Fenster um die Wette liefen. || Sie feuerten die Tropfen den ganzen Nachmittag an, und am Ende hatte jeder Tropfen ein Rennen gewonnen.",
            "An diesem verregneten Nachmittag fand {N} auf dem Dachboden eine Kiste mit der Aufschrift „Für einen Regentag“. || In der Kiste war ein Königreich aus Pappe, und sie spielten darin, bis der Regen aufhörte.",
        ],
        &[
            "In der Deckenhöhle wollten sie ein Spielcafé eröffnen, aber es gab keine Stühle. || Kissen waren perfekte Stühle, und das Café servierte jedem Kuscheltier im Haus Tee zum Spielen.",
            "Eine Pfütze vor dem Fenster spiegelte einen Regenbogen, und {N} wollte wissen, wo er anfängt. || Sie fanden heraus, dass Regenbögen dort entstehen, wo Sonnenschein und Regentropfen sich treffen, und das ist eine Art Zauber.",
            "Die Farben in der alten Kiste waren eingetrocknet und funktionierten nicht mehr. || Ein paar Tropfen Wasser weckten die Farben auf, und {r:bald|schon bald} war das Fenster voller gemalter Blumen.",
            "Der Regen machte die Katze so unruhig, dass sie nicht schlafen wollte und den Tropfen an der Scheibe hinterherjagte. || Sie gaben der Katze ein Wollknäuel und einen Karton zum Verstecken, und bald schnurrte sie in ihrem Karton und schlief tief und fest.",
            "Die schlammigen Stiefel an der Tür hatten eine Spur von Fußabdrücken durch den ganzen Flur gezogen. || Sie machten aus dem Aufräumen ein Hüpfspiel mit Putzlappen, und bald glänzte der Flurboden wieder.",
            "Sie wollten das große Puzzle fertig legen, aber das letzte Stück Himmel fehlte. || Das fehlende Stück lag unter dem Sofa, neben einer verlorenen Murmel und einem Buntstift, und endlich war der Himmel vollständig.",
            "Sie wollten Kekse backen, aber Regen von einem offenen Fenster hatte das Rezept bespritzt, und die Hälfte der Wörter war verschwommen. || Gemeinsam errieten sie die fehlenden Wörter, und die Kekse wurden ein bisschen schief und ganz köstlich.",
            "Sie falteten ein Papierschiffchen für die große Pfütze vor der Tür, aber es weichte sofort auf. || Sie falteten ein zweites Schiffchen aus dickerem Papier, und es schaukelte über die ganze Pfütze bis ans andere Ufer.",
            "Die Pflanzen auf der Fensterbank ließen die Blätter hängen, denn der graue Tag hatte die Sonne versteckt. || Sie stellten die Pflanzen an den hellsten Platz im Zimmer und gaben jeder einen Schluck Wasser, und am Abend standen die Blätter wieder aufrecht.",
            "Omas Wollkorb war umgekippt, und alle Knäuel hatten sich zu einem großen Wollknoten verheddert. || Sie entwirrten den Knoten Faden für Faden und wickelten jede Farbe zu einem eigenen ordentlichen Knäuel, und Oma klatschte in die Hände.",
            "Sie wollten ein Puppentheater spielen, aber die Handpuppen hatten keine Bühne. || Ein umgedrehter Tisch und ein Geschirrtuch wurden zur perfekten Bühne, und die Puppen verbeugten sich vor einem Publikum aus Teddybären.",
            "Der Regen tropfte so gleichmäßig aus der Regenrinne, dass es tickte wie eine Uhr, und der Nachmittag kam ihnen sehr lang vor. || Sie erfanden ein Lied im Takt der Tropfen, und der Nachmittag verging so schnell wie eine Melodie.",
            "Die Verkleidungskiste war voll, aber jeder Hut war zu groß und jeder Mantel zu lang. || Sie krempelten die Ärmel hoch, stopften die Hüte mit Schals aus und zogen in einer großen Parade durch den ganzen Flur.",
            "Mitten auf dem Teppich gingen der Spielzeugeisenbahn die Schienen aus. || Sie bauten den Rest der Strecke aus Büchern und Linealen, und die kleine Eisenbahn tuckerte bis zum Bahnhof Sofa.",
            "Das Fenster war beschlagen, und niemand konnte mehr den Garten sehen. || Sie malten eine lachende Sonne auf die beschlagene Scheibe, und durch das runde Sonnengesicht schaute der Garten wieder herein.",
            "Ein Lieblingsteddy hatte ein lockeres Ohr, das ihm traurig über ein Auge hing. || Mit Nadel, Faden und der Hilfe eines Erwachsenen wurde das Ohr wieder angenäht, und der Teddy sah aus, als wäre er zu allem bereit.",
            "Sie wollten Kaufladen spielen, aber in der Spielzeugkasse war kein Geld. || Sie schnitten Münzen aus gelbem Papier und malten auf jede ein lachendes Gesicht, und der Laden öffnete sofort.",
            "Der Regentag machte die Küche so kühl, dass der Brotteig nicht aufgehen wollte. || Sie deckten die Schüssel mit einem warmen Geschirrtuch zu und stellten sie neben die Heizung, und eine Stunde später war der Teig aufgegangen wie eine Wolke.",
        ],
    ),
    e(
        "das Familienpicknick",
        "im warmen kleinen Haus der ganzen Familie",
        &[
            "Heute war die ganze Familie beisammen, und sie planten ein Picknick im Garten und danach Geschichten. || Das Picknick war so schön, dass alle beschlossen, es jede Woche zu wiederholen.",
            "Oma war zu Besuch gekommen und hatte ein altes Rezept für den weichsten Honigkuchen der Welt mitgebracht. || Der Honigkuchen kam golden und weich aus dem Ofen, und Oma sagte, es sei der beste, der je gebacken wurde.",
            "Es war Familientag, und alle hatten eine Aufgabe, vom Größten bis zum Kleinsten. || Am Abend waren alle Aufgaben erledigt, und die Familie saß zusammen auf dem Sofa, müde und glücklich.",
        ],
        &[
            "Opas Lesebrille war verschwunden, und ohne sie konnte er die Gutenachtgeschichte nicht vorlesen. || Die Brille saß die ganze Zeit auf Opas Kopf, und alle lachten, bis ihnen der Bauch wehtat.",
            "Für den Honigkuchen brauchte man drei Eier, und im Korb waren nur zwei. || Die Nachbarin hatte ein Ei übrig und bekam dafür das erste Stück Kuchen.",
            "Das kleine Baby wollte sich nicht beruhigen, bis jemand das richtige Lied fand. || Das richtige Lied war ein ganz leises, und das Baby schlief mit einem Lächeln ein.",
            "Das Familienfotoalbum war auseinandergefallen, und alle Bilder waren durcheinander. || Sie ordneten die Bilder wieder, vom ältesten bis zum neuesten, und lachten über die lustigen Hüte auf jedem einzelnen.",
            "Jeder wollte ein anderes Spiel spielen, und niemand konnte sich entscheiden. || Sie legten den Namen jedes Spiels in einen Hut, und das erste, das sie zogen, war genau das, was alle am liebsten mochten.",
            "Papa versuchte, ganz allein ein großes Laken zu falten, und es flatterte wie ein Segel. || Mit einer Ecke in jedem Händepaar war das Laken im Nu gefaltet, so ordentlich wie ein Brief.",
            "Der alte Hund der Familie wollte mitspielen, aber seine Beine waren müde und langsam. || Sie spielten ein ruhiges, langsames Spiel nur für ihn, und der alte Hund wedelte mit dem Schwanz, als hätte er einen Preis gewonnen.",
            "Es war Zeit, gemeinsam das Abendessen zu kochen, aber die Suppe schmeckte fast nach gar nichts. || Eine Prise Salz, ein Zweig Petersilie und viel Rühren später schmeckte die Suppe wie eine warme Umarmung.",
        ],
    ),
    e(
        "ein neuer Freund",
        "im Park mit der großen alten Eiche",
        &[
            "Im Park stand ein Kind, das noch niemand gesehen hatte, ganz still bei den Schaukeln. || Am Ende des Nachmittags hatte das neue Kind einen Namen, Ada, und zwei brandneue Freunde.",
            "Nebenan war eine neue Familie eingezogen, und {N} wollte Hallo sagen. || Am Abend winkten die neuen Nachbarn aus dem Fenster, und {N} wusste, dass dies der Anfang von etwas Schönem war.",
            "An diesem Morgen hatte {N} sich etwas versprochen: Heute würde es einen neuen Freund geben. || Und das Versprechen wurde gehalten, denn gleich um die Ecke wartete ein Freund.",
        ],
        &[
            "Das neue Kind kannte nur ein paar Wörter derselben Sprache, aber es lächelte ein großes Lächeln. || Es stellte sich heraus, dass Spiele, Lächeln und Abklatschen gar keine Worte brauchen.",
            "Zwei Kinder wollten dieselbe Schaukel, und keins wollte warten. || Sie zählten abwechselnd bis zwanzig, und {r:bald|schon bald} machte das Warten niemandem mehr etwas aus.",
            "Der neue Freund hatte einen Drachen aus Papier, aber der hing in den Ästen der Eiche fest. || Mit einem sanften Ruck kam der Drachen frei und flog höher als je zuvor, und alle Lächeln flogen mit.",
            "Ein Junge baute ganz allein eine Sandburg im Sandkasten und war zu schüchtern, um jemanden um Hilfe zu bitten. || Sie boten an, Wasser für den Burggraben zu holen, und bald bauten drei Freunde die höchste Burg, die der Sandkasten je gesehen hatte.",
            "Zwei Kinder hatten jedes einen Drachen mit Kreide auf den Gehweg gemalt, und jedes sagte, seiner sei der schönste. || Sie malten eine Kreidebrücke zwischen die beiden Drachen, und die zwei Kinder lachten und malten eine Burg, die sie sich teilen konnten.",
            "Der Welpe des neuen Freundes war schüchtern und versteckte sich hinter der Bank, sobald jemand näher kam. || Sie saßen ganz still und hielten eine offene Hand hin, und nach einer Weile kam der Welpe hervor, schnupperte daran und wedelte mit dem Schwanz.",
            "Am Picknicktisch aß ein Kind Teigtaschen, die niemand sonst kannte, und hatte Sorge, anders zu sein. || Das Kind teilte seine Teigtaschen und erzählte, wie seine Oma sie machte, und alle waren sich einig, dass neue Freunde neue Geschmäcker mitbringen.",
            "Eine Gruppe Kinder wollte Verstecken spielen, aber es fehlte ein Mitspieler. || Sie fragten das stille Mädchen auf der Bank, ob es mitspielen wolle, und es kannte die allerbesten Verstecke.",
        ],
    ),
    e(
        "etwas Neues",
        "in der kleinen Bücherei mit dem Garten auf dem Dach",
        &[
            "Heute wollte {N} etwas Neues lernen: Fahrrad fahren ohne Stützräder. || Bei Sonnenuntergang fuhr {N} erst wackelige Kreise, dann gerade Linien, und {C} jubelte jedes Mal.",
            "Die Bibliothekarin zeigte {N} ein Buch über die Sterne und fragte, ob {N} ihre Namen lernen wollte. || In dieser Nacht konnte {N} auf den Großen Wagen und den Polarstern zeigen und ihre Namen laut sagen.",
            "{N} hatte beschlossen, eine Melodie auf einer winzigen Holzflöte zu lernen. || Am Abend spielte {N} der Familie die ganze Melodie vor, und kein einziger Ton quietschte.",
        ],
        &[
            "Der erste Versuch lief nicht wie geplant, und der zweite war auch ein bisschen wackelig. || Der dritte Versuch war besser, und der vierte war der beste von allen.",
            "Das Buch war voller neuer Wörter, und manche waren wirklich sehr lang. || Sie teilten die langen Wörter in kleine Stücke, und jedes Stück war leicht.",
            "Die Melodie hatte einen schwierigen Ton, der immer als Quietschen herauskam. || Mit einem sanften statt einem kräftigen Atem kam der schwierige Ton rund und klar heraus.",
            "Die Stricknadeln rutschten immer wieder weg, und die erste Maschenreihe löste sich wieder und wieder auf. || Langsam, Schlinge um Schlinge, hielt die Reihe, und am Abend gab es einen winzigen Schal für einen Teddybären.",
            "Der Papierkranich im Buch brauchte zwanzig Faltschritte, und einer davon ergab überhaupt keinen Sinn. || Sie drehten das Papier um, versuchten es noch einmal, und ein kleiner Papierkranich stand mit ausgebreiteten Flügeln auf dem Tisch.",
            "Pfeifen lernen war schwerer, als es aussah, und es kam nur Luft heraus. || Nach vielen Versuchen und viel Gekicher schwebte ein kleiner, klarer Pfiff hinaus, wie ein Vogel, der Hallo sagt.",
            "Zum Schuhebinden brauchte man zwei Schlaufen, und die Schlaufen rutschten immer wieder auseinander. || Der Hasenohren-Trick half: eine Schlaufe, zwei Schlaufen, ein Hüpfer durchs Loch, und die Schleife hielt fest.",
            "Bis hundert zu zählen war eine lange Reise, und irgendwo in den Sechzigern gerieten die Zahlen durcheinander. || Zuerst zählten sie in Zehnerschritten, wie über Trittsteine, und danach war der ganze Weg bis hundert ganz leicht.",
        ],
    ),
    e(
        "der Helfertag",
        "im Dorf mit den schiefen Schornsteinen",
        &[
            "Frau Brombeers Garten war voller Unkraut, und sie war zu müde, um alles allein auszurupfen. || Zur Teezeit war der Garten ordentlich, und Frau Brombeer schenkte allen eine Tasse warmen Kakao als Dankeschön.",
            "Das Dorf bereitete ein Fest vor, und alle brauchten ein zusätzliches Paar Hände. || Als die Festlichter angingen, wussten alle, dass viele kleine Helfer das möglich gemacht hatten.",
            "Ein kleines Entenküken hatte seine Familie verloren, und {N} und {C} beschlossen, ihm bei der Suche zu helfen. || Die Entenmama schnatterte vor Freude, und die ganze Entenfamilie watschelte in einer dankbaren Parade an ihnen vorbei.",
        ],
        &[
            "Die Schubkarre war voller Blumentöpfe, und eins ihrer Räder hatte sich gelockert. || Mit einer Drehung und einem Klopfen saß das Rad wieder fest, und die Blumentöpfe kamen sicher zum Markt.",
            "Der Bäcker hatte sich ein wenig die Finger verbrannt und konnte den Teig für das Festbrot nicht kneten. || Kleine Hände kneteten den Teig, und das Brot kam rund und golden aus dem Ofen.",
            "Die Familie des Entenkükens war ans andere Ufer des Teiches geschwommen. || Sie gingen mit dem Küken um den Teich herum, und {r:bald|schon bald} sah es seine Familie im Schilf warten.",
            "Die Katze vom alten Herrn Pfeffer war auf den Gartenschuppen geklettert und wollte nicht zum Abendessen herunterkommen. || Sie klapperten leise mit dem Futternapf und warteten geduldig, und endlich sprang die Katze herunter und trabte zu ihrem Abendessen.",
            "In der Bücherei lag ein großer Stapel zurückgegebener Bücher, und die Bibliothekarin konnte sie nicht alle vor Feierabend einräumen. || Sie sortierten die Bücher nach Buchstaben und trugen sie Regal für Regal, und jedes Buch stand wieder an seinem Platz, bevor das Licht ausging.",
            "Einem kleinen Mädchen war der Beutel mit Murmeln heruntergefallen, und die Murmeln waren über den ganzen Platz gerollt. || Sie suchten und zählten, bis sie jede einzelne Murmel gefunden hatten, sogar die blaue, die sich in einem Blumentopf versteckte.",
            "Die Wäsche der Nachbarin hing noch auf der Leine, und große graue Wolken zogen heran. || Sie nahmen die Wäsche ab, legten sie gefaltet in den Korb, und die ersten Tropfen fielen genau in dem Moment, als die Tür der Nachbarin zuging.",
            "Das Gemüsebeet der Schule hatte Durst, und die Gießkanne war viel zu schwer für eine Person allein. || Sie trugen die Kanne zu zweit, jeder eine Hand am Griff, und jeder Salat und jede Bohne bekam einen ordentlichen Schluck.",
        ],
    ),
    e(
        "das Lichterfest",
        "im verschneiten Dorf voller Laternen",
        &[
            "Es waren Feiertage, und das ganze Dorf hängte Laternen und Bänder an jede Tür. || Als die letzte Laterne brannte, leuchtete das Dorf wie ein Glas voller Sterne.",
            "In der Nacht hatte es geschneit, und auf dem Platz öffnete der Festtagsmarkt. || Auf dem Markt teilten sie warme Maronen mit allen, die sie trafen, und um sie herum glitzerte der Schnee.",
            "Zu den Feiertagen wollte {N} jedem Freund ein Geschenk machen, aber in der Spardose war kein einziges Geldstück. || {N} bastelte Geschenke aus Papiersternen und lieben Worten, und es wurden die beliebtesten Geschenke von allen.",
        ],
        &[
            "Der große Stern für die Baumspitze war heruntergerutscht und steckte nun in einer Schneewehe fest. || Sie pusteten den Schnee vom Stern, und er kam zurück auf die Spitze des Baumes und strahlte heller als zuvor.",
            "Die Laternen blieben nicht an, weil der Wind die kleinen Flammen immer wieder ausblies. || Sie bauten eine kleine Schneemauer, um die Laternen zu schützen, und jede Flamme stand gerade und hell.",
            "Ein alter Mann auf einer Bank am Platz hatte seine Fäustlinge verloren, und seine Hände wurden kalt. || Die Fäustlinge lagen unter der Bank, und der alte Mann brachte ihnen zum Dank ein Festtagslied bei.",
        ],
    ),
    e(
        "der Zauberwald",
        "in einem Zauberwald voller leuchtender Pilze",
        &[
            "Tief im Wald hatte der älteste Baum aufgehört zu singen, und alle Tiere machten sich Sorgen. || Als der alte Baum wieder zu singen begann, stimmte jedes Blatt im Wald in sein Lied ein.",
            "Ein silbernes Blatt schwebte herab und landete in {N}s Hand, und darauf standen die Worte: „Bitte komm.“ || Das Blatt hatten die Waldfeen geschickt, die {N} dafür danken wollten, so gut zu den Bäumen zu sein.",
            "Die Waldfeen hatten ihre Laterne verloren, und ohne sie fanden sie den Weg zu ihrem Fest nicht. || Die Laterne der Feen leuchtete wieder, und das Fest dauerte, bis der Mond hoch am Himmel stand.",
        ],
        &[
            "Ein Weg aus leuchtenden Pilzen führte zu einer Lichtung, auf der alle Blumen fest geschlossen waren. || Die Blumen öffneten sich, Blütenblatt für Blütenblatt, und die Lichtung leuchtete in allen Farben des Regenbogens.",
            "Eine Igelfamilie musste über einen Bach, aber ihre kleinen Beine waren zu kurz. || Eine Brücke aus Rinde trug die Igel hinüber, und drüben rollten sie sich zu glücklichen kleinen Kugeln zusammen.",
            "Der weise alte Baum stellte ein Rätsel: „Was wird größer, je mehr man davon verschenkt?“ || „Freundlichkeit!“, antworteten sie, und der alte Baum raschelte {r:vergnügt|fröhlich} mit den Blättern.",
        ],
    ),
    e(
        "der freundliche Drache",
        "in den sanften grünen Bergen der schläfrigen Drachen",
        &[
            "Hoch in den Bergen lebte ein kleiner Drache, der kein Feuer spucken konnte, nur warme, kitzelnde Seifenblasen. || Der kleine Drache lernte, dass Seifenblasen ein wunderbares Geschenk sind, und alle spielten begeistert damit.",
            "Eines Tages landete ein Drachenbaby mit einem Plumps und einem sehr verlegenen Lächeln auf der Wiese. || Endlich konnte das Drachenbaby nach Hause fliegen und drehte über ihren Köpfen einen fröhlichen Looping.",
            "Die Kinder im Dorf hatten sich immer über das sanfte Grollen in den Bergen gewundert, und heute fand {N} es heraus: Es war ein schnarchender Drache. || Der verschlafene Drache wachte auf, gähnte ein warmes, nach Zimt duftendes Gähnen und wurde für immer ihr Freund.",
        ],
        &[
            "Der kleine Drache wollte zur Höhle seiner Familie fliegen, aber er wackelte im Wind. || Mit ein bisschen Übung und viel Anfeuern flog der Drache gerade und sicher.",
            "Der Drache hatte einen Dorn in der Pfote und war zu schüchtern, um jemanden um Hilfe zu bitten. || Der Dorn kam ganz sanft heraus, und der Drache schnurrte wie ein riesiges Kätzchen.",
            "Die anderen Drachen machten einen Seifenblasen-Wettbewerb, und der kleine Drache traute sich nicht mitzumachen. || Der kleine Drache pustete die größte, glänzendste Blase des Tages, und alle jubelten.",
        ],
    ),
    e(
        "der Schatz unter dem Meer",
        "in einem leuchtenden Riff voller bunter Fische",
        &[
            "Eine Luftblase mit einer winzigen Karte stieg an die Oberfläche und platzte direkt vor {N}s Nase. || Die Karte führte zu einer Truhe voller glänzender Muscheln, und sie teilten sie mit jedem Fisch im Riff.",
            "Unter den Wellen suchten die Fische eine Schatztruhe, die seit hundert Jahren verschollen war. || Endlich wurde die alte Truhe gefunden, und darin lag der Lieblingsschatz des Riffs: ein Lied, das alle Fische singen konnten.",
            "Ein freundlicher alter Wal erzählte {N} von einer Truhe voller schimmernder Perlen, die irgendwo im Korallengarten versteckt war. || Sie brachten die Perlen zum alten Wal, der sie wie eine Kette aus kleinen Monden ins Wasser hängte.",
        ],
        &[
            "Ein schüchterner Krake hatte sich in den Korallen versteckt und hielt ein Ende der Karte fest. || Der Krake kam heraus, winkte mit allen acht Armen und machte bei der Suche mit.",
            "Die Schatztruhe klemmte unter einem schweren, schläfrigen Seestern, der sich nicht bewegen wollte. || Der Seestern drehte sich gähnend um, und die Truhe war frei.",
            "Eine Strömung trug sie sanft in eine Höhle, und sie sahen den Ausgang nicht mehr. || Leuchtende Quallen erhellten den Weg wie kleine Lampen, und der Ausgang war leicht zu finden.",
        ],
    ),
    e(
        "das Wolkenschloss",
        "in einem Schloss aus Wolken hoch über der Welt",
        &[
            "Im Garten erschien eine Treppe aus Wolken, und ganz oben stand ein Schloss, so weiß wie Schlagsahne. || Der Wolkenkönig lud sie zu einem Festmahl aus Regentropfen-Wackelpudding ein, und sie schwebten auf einer weichen kleinen Wolke nach Hause.",
            "Der Wolkenkönig hatte seine Regenbogenkrone verloren, und ohne sie fand der Regen seine Farben nicht. || Der König setzte seine Krone auf, und der nächste Schauer hinterließ den schönsten Regenbogen, den man je gesehen hatte.",
            "Eine Wolke, die aussah wie ein Schaf, schwebte herab und bot {N} und {C} einen Ausflug in den Himmel an. || Die Schafwolke zeigte ihnen die Welt von oben, ganz klein und friedlich, und brachte sie dann sanft nach Hause.",
        ],
        &[
            "Die Brücke zwischen zwei Türmen war aus Nebel, und sie trieb immer wieder auseinander. || Sie strickten den Nebel mit einem Sonnenstrahl zusammen, und die Brücke hielt fest und glitzernd.",
            "Die Wolkenwelpen hüpften so wild herum, dass sie etwas Wichtiges aus einem Fenster gestoßen hatten. || Der verlorene Schatz war in einer kleinen Wolke direkt darunter gelandet, heil und sicher.",
            "Der Wind blies ein bisschen zu stark, und das Schloss begann, auf die Berge zuzutreiben. || Sie baten den Wind freundlich, in die andere Richtung zu blasen, und das Schloss trieb zurück an seinen Platz.",
        ],
    ),
    e(
        "die Zeitreise",
        "in einem Märchenschloss vor langer, langer Zeit",
        &[
            "{N} fand eine alte Taschenuhr, die rückwärts tickte, und als {N} sie aufzog, begann sich das ganze Zimmer sanft zu drehen. || Noch einmal aufgezogen, drehte sich das Zimmer sanft zurück, und sie waren pünktlich zum Abendessen wieder zu Hause.",
            "Ein freundlicher Uhrmacher bat {N} und {C} um Hilfe: Eine Seite der Geschichte war verschmiert, und sie mussten sie wieder in Ordnung bringen. || Die Seite der Geschichte war wieder klar, und der Uhrmacher schenkte ihnen zur Erinnerung einen winzigen goldenen Schlüssel.",
            "Die große Standuhr im Flur schlug dreizehn Mal, und ihre Tür knarrte auf, hinein in einen sonnigen Tag vor langer Zeit. || Als die Uhr zwölf schlug, öffnete sich die Tür wieder in den Flur zu Hause, als wäre keine Zeit vergangen.",
        ],
        &[
            "Im Schlosshof hatte der königliche Bäcker vergessen, wie man Brot backt, und das Festmahl war schon heute Abend. || Gemeinsam erinnerten sie sich an das Rezept, und das ganze Schloss duftete nach warmem Brot.",
            "Ein junger Ritter hatte den Schlüssel zur Schlossbibliothek verloren, in der alle Geschichten aufbewahrt wurden. || Der Schlüssel hing am Gürtel des Ritters selbst, und die Tür der Bibliothek ging mit einem fröhlichen Klick auf.",
            "Die Zeiger der Uhr hatten sich verheddert und mussten vor Sonnenuntergang wieder gerade gerichtet werden. || Ganz, ganz vorsichtig lösten sich die Zeiger voneinander, und die Uhr tickte wieder {r:fröhlich|vergnügt}.",
        ],
    ),
    e(
        "die Sternenreise",
        "in einer kleinen silbernen Rakete zwischen den funkelnden Sternen",
        &[
            "{N} und {C} bauten aus einem Pappkarton eine Rakete, und in dieser Nacht hob sie wirklich und wahrhaftig ab. || Die Rakete landete sanft im Garten und war wieder ein ganz gewöhnlicher Karton, aber sie wussten es besser.",
            "Ein kleiner Stern fiel in den Garten und bat darum, nach Hause zur Milchstraße gebracht zu werden. || Der kleine Stern funkelte sich nach Hause, und von da an zwinkerte er jede Nacht an {N}s Fenster.",
            "Der Mond hatte eine Einladung geschickt: ein Weltraumpicknick auf den Ringen eines fernen Planeten. || Das Picknick auf den Planetenringen war das schönste Picknick im ganzen Universum.",
        ],
        &[
            "Auf einem kleinen blauen Planeten trafen sie ein schüchternes kleines Wesen, das Mondkiesel sammelte. || Das Wesen schenkte ihnen einen leuchtenden Kiesel, und sie brachten ihm bei, zum Abschied zu winken.",
            "Die Karte der Rakete kam durcheinander, und alle Planeten sahen aus wie Wasserbälle. || Sie zählten die Ringe und die Monde, und {r:bald|schon bald} wussten sie genau, wo sie waren.",
            "Ein Komet sauste vorbei, mit einem Schweif aus glitzerndem Staub, und fragte, ob sie um die Wette fliegen wollten. || Es war das fröhlichste Wettrennen der Galaxie, und alle gewannen.",
        ],
    ),
    e(
        "die winzige Welt",
        "in einer winzigen Welt zwischen den Grashalmen",
        &[
            "{N} fand eine leuchtende Eichel, und bei der Berührung schrumpfte {N} auf die Größe eines Marienkäfers. || Als das Abenteuer vorbei war, leuchtete die Eichel noch einmal, und {N} wuchs wieder auf genau die richtige Größe.",
            "Unter den Rosen im Garten lag ein ganzes Dorf, nicht größer als eine Teetasse, und heute Abend brauchten seine Bewohner Hilfe. || Die winzigen Bewohner feierten ein winziges Fest, mit Musik so leise wie die Flügel einer Motte.",
            "Eine Hummel landete auf {N}s Finger und lud zu einem Besuch im winzigen Königreich unter dem Garten ein. || Die Hummel trug sie auf ihrem flauschigen Rücken nach Hause und summte den ganzen Weg.",
        ],
        &[
            "Ein einziger Regentropfen war so groß wie ein Ball und war genau vor das Dorftor gerollt. || Sie rollten den Tropfen in eine kelchförmige Blüte, wo die Bienen daraus trinken konnten.",
            "Die Ameisen bauten eine Brücke, aber einer der Zweige war viel zu schwer. || Als alle zusammen schoben, rutschte der Zweig an seinen Platz, und die Ameisen jubelten mit winzigen Stimmen.",
            "Die Krone der winzigen Königin war ein Tautropfen, und er war unter ein Blatt gerollt. || Die Tautropfenkrone wurde gefunden, glitzernd, und die Königin trug sie wieder voller Stolz.",
        ],
    ),
    e(
        "die Wetterzauber-Stunde",
        "auf dem Hügel der Wetterzauberin",
        &[
            "Die Wetterzauberin wurde alt und suchte jemanden, dem sie alles beibringen konnte, und sie wählte {N}. || Die Wetterzauberin lächelte und sagte: „Von heute an hört das Wetter auf dich“, und schenkte {N} eine eigene kleine Wolke.",
            "Die Wolken waren durcheinandergeraten: Es schneite auf die Blumen und regnete auf die Schneemänner. || Bald lag der Schnee wieder auf den Schneemännern, der Regen fiel wieder auf die Blumen, und alles war genau richtig.",
            "Oben auf dem Hügel stand eine Wetterfahne, die sprechen konnte, und heute hatte sie eine wichtige Botschaft. || Die Botschaft war einfach: „Morgen scheint die Sonne“, und das ganze Dorf jubelte.",
        ],
        &[
            "Die erste Lektion war eine sanfte Brise, aber der erste Versuch machte einen winzigen Wirbelwind voller Blätter. || Der zweite Versuch machte eine Brise, so sanft, dass sie ein Vogelkind in den Schlaf hätte wiegen können.",
            "Eine kleine Wolke war zu schüchtern zum Regnen, und der durstige Garten wartete. || Die kleine Wolke ließ den sanftesten Regen fallen, und jede Blume im Garten hob den Kopf.",
            "Für einen Regenbogen brauchten sie ein bisschen Sonne, ein bisschen Regen und viel Geduld. || Der Regenbogen spannte sich über den Hügel, und sein Ende landete genau vor ihren Füßen.",
        ],
    ),
    e(
        "das Tiergeflüster",
        "auf einer sonnigen Waldlichtung voller Tiere",
        &[
            "Eines Morgens wachte {N} auf und konnte jedes Wort der Tiere verstehen. || Am Abend hatte {N} so viele Tierfreunde, dass alle kamen, um Gute Nacht zu sagen.",
            "Eine weise alte Schildkröte bot an, {N} die Sprache der Waldtiere beizubringen. || Die Schildkröte nickte langsam und sagte, {N} habe das wichtigste Wort von allen gelernt: „Freund“.",
            "Die Tiere auf der Lichtung hatten ein Problem, und sie brauchten jemanden, der zuhören konnte. || Weil jemand zugehört hatte, fanden die Tiere ihre eigene Lösung, und auf der Lichtung war wieder Frieden.",
        ],
        &[
            "Die Hasen und die Eichhörnchen konnten sich nicht einigen, wer den sonnigen Platz haben durfte. || Sie einigten sich aufs Teilen: morgens die Hasen, nachmittags die Eichhörnchen und zur Teezeit alle zusammen.",
            "Ein kleines Rotkehlchen hatte etwas Wichtiges zu sagen, konnte es aber nur singen. || Das Lied des Rotkehlchens bedeutete: „Meine Küken sind geschlüpft!“, und alle gingen die winzigen Küken besuchen.",
            "Die Frösche wollten ein Konzert geben, konnten sich aber nicht auf ein Lied einigen. || Sie sangen alle Lieder, eins nach dem anderen, und es wurde das längste, fröhlichste Konzert, das der Teich je gehört hatte.",
        ],
    ),
    e(
        "das Traumland",
        "im Traumland zwischen schwebenden Inseln und sanften Monden",
        &[
            "Sobald {N} die Augen schloss, kam ein Federboot, um {N} ins Traumland zu bringen. || Das Federboot brachte {N} wieder nach Hause und sank so sanft herab wie ein fallendes Blatt.",
            "Im Traumland hatte das Sandmännchen seinen Beutel mit goldenem Sand verloren, und niemand konnte einschlafen. || Das Sandmännchen fand seinen goldenen Sand und streute jedem ein bisschen davon, und das ganze Land gähnte glücklich.",
            "{N} träumte von einer Treppe aus Wolken, und ganz oben wartete {C} mit einer Laterne. || Oben auf der Treppe zeigte die Laterne den Weg zum sanftesten aller Träume.",
        ],
        &[
            "Die Zuckerwatteinsel trieb davon, und die Traumkinder wollten dort spielen. || Ein Seil aus Regenbogen holte die Insel zurück, und alle spielten dort, bis es Zeit zum Ausruhen war.",
            "Ein sanfter Traumriese saß ganz still da, weil er das Ende seines Lieblingsschlaflieds vergessen hatte. || Sie summten das Schlaflied gemeinsam, bis der Riese sich erinnerte, und er sang es so leise, dass die Sterne schaukelten.",
            "Die Sterne waren durcheinandergeraten und schrieben lustige Wörter an den Traumhimmel. || Sie schoben die Sterne einen nach dem anderen zurück, bis der Himmel „Gute Nacht“ schrieb.",
        ],
    ),
];
