//! Spanish words for the 20 built-in events: title, place, situations (setup || payoff) and
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
        "el Camino de la Luna",
        "en el camino de la luna, detrás de la casita",
        &[
            "Aquella noche apareció un rastro de luciérnagas junto a la puerta del jardín, y {N} y {C} decidieron seguirlo antes de ir a la cama. || Al final del rastro, las luciérnagas bailaron un último baile solo para ellos y luego volaron a sus camitas de musgo.",
            "La luna se asomó y {r:susurró|murmuró} que una estrellita dormilona se había perdido y necesitaba ayuda para volver al cielo. || Con un empujoncito suave y unas buenas noches susurradas, la estrellita volvió a su sitio en el cielo y parpadeó para dar las gracias.",
            "Justo antes de dormir, {N} se dio cuenta de que el {r:camino|sendero} plateado de la luna cruzaba el jardín y subía por la colina. || En lo alto de la colina, la luna les sonrió, y supieron que habían encontrado el lugar más tranquilo del mundo.",
        ],
        &[
            "Junto a un viejo roble, un búho bebé se esforzaba mucho por seguir despierto para su primer vuelo nocturno. || El búho bebé abrió las alas, ululó de {r:alegría|felicidad} y dio una vuelta al roble por primera vez.",
            "En la colina encontraron unas flores de luna que se habían olvidado de cómo abrirse. || Una a una, las flores de luna abrieron sus pétalos plateados y llenaron el aire de un olor dulce y dormilón.",
            "El {r:camino|sendero} de luna cruzaba un estanque tan quieto que nadie sabía dónde estaban las piedras para pasar. || Entonces la luna brilló un poquito más, y las piedras aparecieron como una fila de botones brillantes.",
            "Un erizo pequeñito se había hecho una bola en medio del sendero y no recordaba dónde estaba su cama de hojas. || Acompañaron al erizo hasta el seto, donde lo esperaba un montoncito de hojas calentito, y allí se acurrucó con un bostezo diminuto.",
            "El viento de la tarde había sacudido el tendedero, y una mantita se había quedado enganchada en las ramas del manzano. || La mantita bajó suave y seca, la doblaron con cuidado y la dejaron en el porche para la mañana siguiente.",
            "Junto al arroyo, las ranas cantaban su canción de la noche, pero una ranita había perdido la melodía. || Tararearon la melodía juntos, bajito y despacio, hasta que la ranita la encontró de nuevo y todo el estanque cantó a coro.",
            "Una nube adormilada había bajado tanto que tapaba la luna, y el sendero había perdido su brillo plateado. || La nube soltó un suspiro largo y suave, subió por encima de los árboles, y la luz de la luna volvió a bañar el sendero.",
            "Una luciérnaga diminuta suspiraba sobre un helecho, porque su luz se había vuelto demasiado débil para guiar a los escarabajos hasta casa. || La luz de la luciérnaga volvió a brillar cálida y clara, y una fila de escarabajos la siguió despacito hasta sus camas.",
        ],
    ),
    e(
        "el Día de Colegio más Feliz",
        "en la pequeña escuela de la puerta roja",
        &[
            "Era día de colegio, y la maestra había prometido una sorpresa muy especial después de comer. || La sorpresa era un pícnic bajo el manzano, y todos estuvieron de acuerdo: era el día de colegio más feliz.",
            "De {r:camino|sendero} al colegio, {N} y {C} encontraron una fiambrera perdida con una etiqueta que decía «Mo». || Mo abrazó su fiambrera y compartió sus fresas, y desde aquel día Mo fue su amigo.",
            "Hoy la clase iba a plantar un huerto, y cada uno había traído una semilla de casa. || Al final del día, veinte semillitas dormían en la tierra, y toda la clase {r:susurró|murmuró}: «Creced bien».",
        ],
        &[
            "En la hora de dibujo, un compañero nuevo estaba sentado en un rincón sin dibujar nada. || Al poco rato, el compañero nuevo dibujaba un elefante morado entre risas, y su dibujo acabó colgado en la pared.",
            "En el recreo, la pelota rodó debajo del tobogán grande, y nadie podía alcanzarla. || Con un palo largo y un poco de trabajo en equipo, la pelota salió rodando, y el juego continuó.",
            "En el rincón de lectura, las páginas del cuento favorito se habían soltado y estaban por todas partes. || Pusieron las páginas en orden, las ataron con una cinta, y el cuento volvió a estar entero.",
            "El hámster de la clase había empujado su puertecita, y cuando sonó el timbre no estaba por ninguna parte. || Encontraron al hámster dormido dentro de la zapatilla de la maestra, y volvió a su jaula con un chillido soñoliento.",
            "En el rincón de música, el xilófono había perdido una de sus teclas, y la canción de la clase sonaba rara. || La tecla perdida estaba debajo del piano, y cuando volvió a su sitio, toda la clase cantó la canción de principio a fin.",
            "A la hora de comer, un compañero derramó su zumo sobre su dibujo y parecía a punto de llorar. || Secaron el dibujo con golpecitos suaves, pintaron un sol azul donde había caído el zumo, y fue el dibujo más bonito de la pared.",
            "La clase estaba construyendo una torre de bloques de madera, pero se tambaleaba y se caía una y otra vez. || Pusieron los bloques más grandes abajo, y la torre se quedó bien derecha hasta el final del día.",
            "En la clase de ortografía, una compañera se atascaba siempre con una palabra larga y difícil. || Dieron palmadas para partir la palabra en trocitos, y pronto la compañera sabía escribirla más rápido que nadie.",
        ],
    ),
    e(
        "la Sorpresa de Cumpleaños",
        "en un jardín lleno de globos y banderines",
        &[
            "Era un día de cumpleaños, y {C} llevaba toda la mañana susurrando planes secretos. || El plan secreto era una canción sorpresa, y todos la cantaron tan {r:bonito|precioso} que el cumpleaños pareció un abrazo.",
            "Hoy había fiesta de cumpleaños, y la tarta estaba casi lista, pero las velas habían desaparecido. || Las velas estaban en el bote de la harina, y cuando las encendieron, todos pidieron un deseo juntos.",
            "Todos los amigos estaban invitados a un pícnic de cumpleaños, y {N} quería que cada invitado se sintiera especial. || Al final de la fiesta, cada invitado tenía una corona de papel y una sonrisa, justo como {N} había deseado.",
        ],
        &[
            "Un globo se soltó y subió hacia las nubes, con una tarjetita todavía atada al cordel. || Una brisa amable dio la vuelta y trajo el globo de regreso, tarjeta incluida.",
            "Los juegos estaban preparados, pero un invitado pequeñito era demasiado tímido para jugar. || Al poco rato, el invitado tímido se reía más fuerte que nadie y pedía jugar otra vez.",
            "Cuando sacaron la tarta, resultó que había más invitados que trozos. || Partieron cada trozo por la mitad, y los pedacitos supieron todavía más dulces.",
            "La guirnalda de cumpleaños se había soltado por un lado y colgaba como una bandera dormida. || Volvieron a colgar la guirnalda, bien recta y alegre, y cada letra pareció sonreír.",
            "El regalo estaba listo, pero no quedaba ni una hoja de papel de regalo en toda la casa. || Envolvieron el regalo en una hoja llena de dibujos, lo ataron con una cadenita de margaritas, y fue el regalo más admirado de todos.",
            "Una ráfaga de viento se llevó las servilletas de papel por el césped, como una bandada de pájaros blancos. || Corrieron tras las servilletas entre risas, y todas, sin faltar ni una, volvieron a la mesa.",
            "Empezó la canción de cumpleaños, pero cada uno arrancó con una nota distinta, y sonaba de lo más gracioso. || Volvieron a empezar bajito, todos juntos, y esta vez la canción sonó tan dulce que hasta los pájaros se pararon a escuchar.",
            "El gran flan temblaba tanto que parecía a punto de resbalar del plato antes de llegar al jardín. || Lo llevaron juntos, despacio, paso a paso, y el flan llegó tembloroso pero entero, entre aplausos.",
        ],
    ),
    e(
        "la Gran Expedición del Fin de Semana",
        "entre las colinas verdes, a las afueras del pueblo",
        &[
            "Era sábado, y {N} y {C} prepararon una mochila con bocadillos, un mapa y una lupa. || Se comieron los bocadillos en la colina más alta y estuvieron de acuerdo en que explorar es mejor en compañía.",
            "Había llegado el fin de semana, y con él un mapa antiguo que mostraba un lugar llamado el Prado que Susurra. || El Prado que Susurra existía de verdad, y la hierba susurraba de verdad: «Bienvenidos, exploradores».",
            "El sábado por la mañana, {N} decidió que ese era el día de descubrir dónde nacía el arroyo. || El arroyo nacía en un manantial diminuto bajo una roca con musgo, y burbujeaba como una risita.",
        ],
        &[
            "Encontraron un árbol hueco con una puertecita, y alguien había dejado una nota: «Por favor, llamad con suavidad». || Una familia de ratones abrió la puerta y los invitó a asomarse a su casita acogedora.",
            "El mapa mostraba una gran X junto a una roca con forma de gato dormido, pero había muchas rocas. || La roca buena tenía hasta bigotes de hierba, y debajo había una caja de lata llena de botones brillantes.",
            "En lo alto de la colina, el viento soplaba tan fuerte que el mapa casi salió volando. || Doblaron el mapa en un cuadradito y lo guardaron bien en la mochila.",
            "Un puentecito de madera cruzaba el arroyo, pero uno de sus tablones se había torcido. || Enderezaron el tablón, lo probaron con un paso prudente y cruzaron al otro lado sin ninguna dificultad.",
            "En un claro, una mamá coneja intentaba contar a sus crías, pero las crías no se estaban quietas. || Jugaron a ponerse en fila, y la mamá coneja contó siete colitas esponjosas: no faltaba ninguna.",
            "El sendero se dividía en dos, y el viento había girado el letrero al revés. || Miraron el sol, recordaron el mapa y volvieron a poner el letrero en la dirección correcta para los próximos exploradores.",
            "Un escarabajo grande se había quedado patas arriba entre las piedrecitas y no podía darse la vuelta. || Con la punta de una hoja ayudaron al escarabajo a ponerse de pie, y se marchó brillando como una joyita verde.",
            "Sobre una roca gris y plana vieron algo curioso: la forma de una concha grabada en la piedra. || Era un fósil de hace muchísimo tiempo, y lo dejaron en su sitio para que otros exploradores pudieran admirarlo.",
            "Una ardilla había dejado caer sus bellotas por todo el sendero y parloteaba muy apurada. || Juntaron las bellotas en un montoncito ordenado al pie de su árbol, y la ardilla parloteó un alegre gracias.",
        ],
    ),
    e(
        "la Magia de un Día de Lluvia",
        "en una casa acogedora mientras la lluvia repiqueteaba en las ventanas",
        &[
            "Llovía todo el día, así que {N} y {C} decidieron construir el fuerte de mantas más grande que el salón había visto jamás. || Cuando el fuerte estuvo terminado, era tan acogedor que la lluvia de fuera sonaba como una nana.",
            "Llovía demasiado para jugar fuera, pero {N} se fijó en que las gotas de la ventana hacían carreras. || Animaron a las gotas toda la tarde, y al final cada gota había ganado una carrera.",
            "Aquella tarde de lluvia, {N} encontró en el desván una caja que decía «Para un día de lluvia». || Dentro de la caja había un reino de cartón, y jugaron en él hasta que dejó de llover.",
        ],
        &[
            "Dentro del fuerte querían abrir una cafetería de mentira, pero no había sillas. || Los cojines fueron sillas perfectas, y la cafetería sirvió té de mentira a todos los peluches de la casa.",
            "Un charco bajo la ventana reflejaba un arcoíris, y {N} quería saber dónde empezaba. || Descubrieron que los arcoíris nacen donde se encuentran el sol y las gotas de lluvia, y eso es una especie de magia.",
            "Las pinturas de la caja vieja se habían secado y no funcionaban. || Unas gotitas de agua despertaron los colores, y pronto la ventana se llenó de flores pintadas.",
            "La lluvia tenía al gato demasiado inquieto para dormir la siesta, y no dejaba de perseguir las gotas del cristal. || Le dieron un ovillo de lana y una caja de cartón para esconderse, y pronto el gato ronroneaba dentro de la caja, profundamente dormido.",
            "Las botas llenas de barro habían dejado un rastro de huellas por todo el pasillo. || Convirtieron la limpieza en un juego de rayuela con trapos, y pronto el suelo del pasillo volvió a brillar.",
            "Querían terminar el rompecabezas grande, pero faltaba la última pieza del cielo. || La pieza perdida estaba debajo del sofá, junto a una canica y un lápiz de colores, y por fin el cielo quedó completo.",
            "Querían hacer galletas, pero la lluvia que entraba por una ventana abierta había salpicado la receta y borrado la mitad de las palabras. || Adivinaron juntos las palabras que faltaban, y las galletas salieron un poco torcidas y riquísimas.",
            "Doblaron un barquito de papel para el charco grande de la puerta, pero se empapó enseguida. || Doblaron un segundo barquito con un papel más grueso, y cruzó el charco meciéndose hasta la otra orilla.",
            "Las plantas del alféizar estaban mustias y pálidas, porque el día gris había escondido el sol. || Pusieron las plantas en el rincón más luminoso de la habitación y le dieron a cada una un sorbito de agua, y por la tarde las hojas volvían a estar derechas.",
            "La cesta de lana de la abuela se había volcado, y todos los ovillos se habían enredado en un gran nudo de lana. || Desenredaron el nudo hebra a hebra y enrollaron cada color en su propio ovillo, y la abuela aplaudió.",
            "Querían hacer una función de títeres, pero los títeres no tenían escenario. || Una mesa del revés y un paño de cocina hicieron un escenario perfecto, y los títeres saludaron a un público de ositos de peluche.",
            "La lluvia goteaba del canalón con un tictac de reloj, y la tarde parecía muy larga. || Inventaron una canción al ritmo de las gotas, y la tarde pasó tan deprisa como una melodía.",
            "El baúl de disfraces estaba lleno, pero todos los sombreros eran demasiado grandes y todos los abrigos demasiado largos. || Se remangaron, rellenaron los sombreros con bufandas y hicieron un gran desfile por todo el pasillo.",
            "Al trenecito de juguete se le acabaron las vías a mitad de la alfombra. || Construyeron el resto de la vía con libros y reglas, y el trenecito llegó traqueteando hasta la estación del sofá.",
            "El cristal de la ventana se había empañado, y ya nadie podía ver el jardín. || Dibujaron un sol sonriente en el cristal empañado, y a través de la cara redonda del sol, el jardín volvió a asomarse.",
            "Un osito de peluche muy querido tenía una oreja descosida que le caía tristemente sobre un ojo. || Con una aguja, un poco de hilo y la ayuda de un mayor, la oreja quedó cosida otra vez, y el osito parecía listo para todo.",
            "Querían jugar a las tiendas, pero en la caja de juguete no había dinero. || Recortaron monedas de papel amarillo y dibujaron una carita sonriente en cada una, y la tienda abrió enseguida.",
            "El día de lluvia tenía la cocina tan fresca que la masa del pan no subía. || Taparon el bol con un paño tibio junto al radiador, y una hora más tarde la masa se había hinchado como una nube.",
        ],
    ),
    e(
        "el Pícnic en Familia",
        "en la casita cálida donde vivía toda la familia",
        &[
            "Hoy toda la familia estaba junta, y habían planeado un pícnic en el jardín seguido de cuentos. || El pícnic fue tan {r:bonito|precioso} que todos decidieron repetirlo cada semana.",
            "La abuela había venido de visita y traía una receta antigua del bizcocho de miel más esponjoso del mundo. || El bizcocho de miel salió dorado y esponjoso, y la abuela dijo que era el mejor que se había hecho nunca.",
            "Era el día de la familia, y cada uno tenía una tarea, del más grande al más pequeño. || Por la noche todas las tareas estaban hechas, y la familia se sentó junta en el sofá, cansada y feliz.",
        ],
        &[
            "Las gafas del abuelo habían desaparecido, y sin ellas no podía leer el cuento de buenas noches. || Las gafas estaban en la cabeza del abuelo desde el principio, y todos se rieron hasta que les dolió la barriga.",
            "El bizcocho de miel necesitaba tres huevos, y en la cesta solo había dos. || La vecina tenía un huevo de sobra, y a cambio se llevó el primer trozo de bizcocho.",
            "El primito pequeño no se calmaba hasta que alguien encontrara la canción adecuada. || La canción adecuada era una muy bajita, y el bebé se durmió con una sonrisa.",
            "El álbum de fotos de la familia se había deshecho, y todas las fotos estaban mezcladas. || Volvieron a ordenar las fotos, de la más antigua a la más nueva, riéndose de los sombreros graciosos que salían en cada una.",
            "Cada uno quería jugar a un juego distinto, y nadie se decidía. || Metieron el nombre de cada juego en un sombrero, y el primero que salió resultó ser el que más le gustaba a todo el mundo.",
            "Papá intentaba doblar una sábana grande él solo, y la sábana ondeaba como una vela. || Con una esquina en cada par de manos, la sábana quedó doblada en un momento, tan bien como una carta.",
            "El perro viejo de la familia quería unirse al juego, pero tenía las patas cansadas y lentas. || Jugaron a un juego tranquilo y lento solo para él, y el perro viejo movió la cola como si hubiera ganado un premio.",
            "Era la hora de preparar la cena juntos, pero la sopa casi no sabía a nada. || Una pizca de sal, una ramita de perejil y muchas vueltas de cuchara después, la sopa sabía a abrazo calentito.",
        ],
    ),
    e(
        "un Amigo Nuevo",
        "en el parque del gran roble viejo",
        &[
            "En el parque había un niño al que nadie había visto antes, de pie junto a los columpios sin decir nada. || Al final de la tarde, el niño nuevo tenía un nombre, Ada, y dos amigos recién estrenados.",
            "Una familia nueva se había mudado a la casa de al lado, y {N} quería ir a saludar. || Por la noche, los vecinos nuevos saludaron desde la ventana, y {N} supo que aquello era el principio de algo {r:bonito|precioso}.",
            "Aquella mañana, {N} se hizo una promesa: hoy habría un amigo nuevo. || Y la promesa se cumplió, porque un amigo esperaba justo a la vuelta de la esquina.",
        ],
        &[
            "El niño nuevo solo sabía unas pocas palabras del mismo idioma, pero tenía una sonrisa enorme. || Descubrieron que los juegos, las sonrisas y chocar los cinco no necesitan palabras.",
            "Dos niños querían el mismo columpio, y ninguno quería esperar. || Contaron por turnos hasta veinte, y pronto a nadie le importó esperar.",
            "El amigo nuevo tenía una cometa, pero se había quedado enganchada en las ramas del roble. || La cometa se soltó con un tironcito suave y voló más alto que nunca, llevándose las sonrisas de todos.",
            "Un niño construía un castillo de arena él solo en el arenero, demasiado tímido para pedir ayuda. || Se ofrecieron a traer agua para el foso, y pronto tres amigos construían el castillo más alto que el arenero había visto jamás.",
            "Dos niños habían dibujado con tiza un dragón cada uno en la acera, y cada uno decía que el suyo era el mejor. || Dibujaron un puente de tiza entre los dos dragones, y los dos niños se echaron a reír y dibujaron un castillo para compartir.",
            "El cachorrito del nuevo amigo era tímido y se escondía detrás del banco cuando alguien se acercaba. || Se quedaron muy quietos con la mano abierta, y al poco rato el cachorrito salió, la olfateó y movió la cola.",
            "En la mesa del pícnic, un niño comía unas empanadillas que nadie conocía y le preocupaba ser diferente. || El niño compartió sus empanadillas y contó cómo las hacía su abuela, y todo el mundo estuvo de acuerdo en que los amigos nuevos traen sabores nuevos.",
            "Un grupo de niños quería jugar al escondite, pero les faltaba un jugador. || Invitaron a la niña callada del banco, y resultó que conocía los mejores escondites de todos.",
        ],
    ),
    e(
        "Algo Nuevo",
        "en la pequeña biblioteca con un jardín en el tejado",
        &[
            "Hoy {N} quería aprender algo nuevo: montar en bicicleta sin ruedines. || Al atardecer, {N} daba vueltas un poco temblorosas, luego líneas bien rectas, y {C} aplaudía cada vez.",
            "La bibliotecaria le enseñó a {N} un libro sobre las estrellas y le propuso aprender sus nombres. || Aquella noche, {N} sabía señalar la Osa Mayor y la Estrella Polar y decir sus nombres en voz alta.",
            "{N} había decidido aprender una melodía en una flautita de madera. || Por la noche, {N} tocó la melodía entera para la familia, y ni una sola nota chirrió.",
        ],
        &[
            "El primer intento no salió como esperaban, y el segundo también fue un poco tambaleante. || El tercer intento fue mejor, y el cuarto fue el mejor de todos.",
            "El libro estaba lleno de palabras nuevas, y algunas eran larguísimas. || Partieron las palabras largas en trocitos, y cada trocito era fácil.",
            "La melodía tenía una nota difícil que siempre salía como un chirrido. || Soplando suavecito en lugar de fuerte, la nota difícil salió redonda y clara.",
            "Las agujas de tejer se resbalaban sin parar, y la primera vuelta de puntos se deshacía una y otra vez. || Despacito, lazada a lazada, la vuelta aguantó, y al llegar la noche había una bufanda diminuta para un osito de peluche.",
            "La grulla de papel del libro necesitaba veinte dobleces, y uno de ellos no tenía ningún sentido. || Le dieron la vuelta al papel, lo intentaron otra vez, y una grullita de papel se quedó de pie sobre la mesa con las alas abiertas.",
            "Aprender a silbar era más difícil de lo que parecía, y solo salía aire. || Después de muchos intentos y muchas risas, salió un silbido pequeño y claro, como un pájaro que dice hola.",
            "Para atarse los cordones había que hacer dos lazos, y los lazos se escapaban todo el rato. || El truco de las orejas de conejo funcionó: un lazo, dos lazos, un saltito por el agujero, y el nudo quedó bien firme.",
            "Contar hasta cien era un viaje muy largo, y en algún lugar de los sesenta los números se enredaban. || Primero contaron de diez en diez, como si saltaran piedras, y luego todo el camino hasta cien resultó fácil.",
        ],
    ),
    e(
        "el Día de Ayudar",
        "en el pueblo de las chimeneas torcidas",
        &[
            "El jardín de la señora Zarza estaba lleno de malas hierbas, y ella estaba demasiado cansada para quitarlas todas. || A la hora de la merienda el jardín estaba {r:precioso|bonito}, y la señora Zarza les dio una taza de chocolate caliente para dar las gracias.",
            "El pueblo se preparaba para la fiesta, y todo el mundo necesitaba un par de manos más. || Cuando se encendieron las luces de la fiesta, todos sabían que muchas manitas lo habían hecho posible.",
            "Un patito había perdido a su familia, y {N} y {C} decidieron ayudarle a encontrarla. || La mamá pata graznó de {r:alegría|felicidad}, y toda la familia de patos desfiló ante ellos como para dar las gracias.",
        ],
        &[
            "La carretilla estaba llena de macetas, y una de sus ruedas se había aflojado. || Con un giro y un golpecito, la rueda volvió a su sitio, y las macetas llegaron sanas y salvas al mercado.",
            "El panadero se había quemado un poco los dedos y no podía amasar el pan de la fiesta. || Unas manos pequeñas amasaron la masa, y el pan salió del horno redondo y dorado.",
            "La familia del patito había nadado hasta la otra orilla del estanque. || Acompañaron al patito alrededor del estanque, y pronto vio a su familia esperándole entre los juncos.",
            "El gato del anciano señor Pimienta se había subido al cobertizo del jardín y no quería bajar a cenar. || Sacudieron suavemente su cuenco de comida y esperaron con paciencia, y por fin el gato bajó de un saltito y entró trotando a cenar.",
            "La biblioteca tenía un montón enorme de libros devueltos, y la bibliotecaria no podía colocarlos todos antes de cerrar. || Ordenaron los libros por letras y los llevaron estante por estante, y cada libro volvió a su sitio antes de que se apagaran las luces.",
            "A una niña pequeña se le había caído la bolsa de canicas, y habían rodado por toda la plaza. || Buscaron y contaron hasta encontrar todas las canicas, incluso la azul que se escondía en una maceta.",
            "La ropa de la vecina seguía tendida, y se acercaban unas nubes grandes y grises. || Descolgaron la ropa, la doblaron en la cesta, y las primeras gotas cayeron justo cuando se cerraba la puerta de la vecina.",
            "El huerto de la escuela tenía sed, y la regadera pesaba demasiado para una sola persona. || Llevaron la regadera entre los dos, cada uno con una mano en el asa, y cada lechuga y cada judía bebió un buen trago.",
        ],
    ),
    e(
        "las Luces de las Fiestas",
        "en el pueblo nevado iluminado con farolillos",
        &[
            "Eran las fiestas, y todo el pueblo colgaba farolillos y cintas en cada puerta. || Cuando se encendió el último farolillo, el pueblo brilló como un tarro lleno de estrellas.",
            "Había nevado por la noche, y el mercadillo de las fiestas abría en la plaza. || En el mercadillo compartieron castañas calentitas con todos los que encontraban, y la nieve brillaba a su alrededor.",
            "Para las fiestas, {N} quería hacer un regalo a cada amigo, pero en la hucha no había ni una moneda. || {N} hizo regalos con estrellas de papel y palabras {r:bonitas|preciosas}, y fueron los regalos más queridos de todos.",
        ],
        &[
            "La gran estrella de lo alto del árbol se había resbalado y estaba atrapada en un montón de nieve. || Le quitaron la nieve a la estrella, y volvió a lo alto del árbol, más brillante que antes.",
            "Los farolillos no se quedaban encendidos, porque el viento apagaba una y otra vez las llamitas. || Construyeron un murito de nieve para proteger los farolillos, y cada llama se quedó derecha y brillante.",
            "En un banco de la plaza, un señor mayor había perdido sus manoplas, y se le estaban enfriando las manos. || Las manoplas estaban debajo del banco, y el señor les enseñó una canción de fiestas para darles las gracias.",
        ],
    ),
    e(
        "el Bosque Encantado",
        "en un bosque encantado donde brillaban las setas",
        &[
            "En lo más profundo del bosque, el árbol más viejo había dejado de cantar, y todos los animales estaban preocupados. || Cuando el viejo árbol volvió a cantar, todas las hojas del bosque se unieron a su canción.",
            "Una hoja plateada bajó flotando y se posó en la mano de {N}, y en ella ponía: «Ven, por favor». || La hoja la habían enviado las hadas del bosque, que querían dar las gracias a {N} por cuidar tan bien de los árboles.",
            "Las hadas del bosque habían perdido su farolillo, y sin él no encontraban el {r:camino|sendero} a su fiesta. || El farolillo de las hadas volvió a brillar, y la fiesta duró hasta que la luna estuvo bien alta.",
        ],
        &[
            "Un {r:camino|sendero} de setas brillantes llevaba a un claro donde las flores seguían bien cerradas. || Las flores se abrieron, pétalo a pétalo, y el claro brilló con todos los colores del arcoíris.",
            "Una familia de erizos tenía que cruzar un riachuelo, pero sus patitas eran demasiado cortas. || Un puente de corteza llevó a los erizos al otro lado, donde se hicieron bolitas felices.",
            "El viejo árbol sabio les puso una adivinanza: «¿Qué crece más cuanto más lo regalas?». || «¡La bondad!», contestaron, y el viejo árbol agitó sus hojas de {r:alegría|felicidad}.",
        ],
    ),
    e(
        "el Dragón Amigo",
        "en las suaves montañas verdes donde duermen la siesta los dragones",
        &[
            "En lo alto de las montañas vivía un dragoncito que no echaba fuego, solo burbujas tibias que hacían cosquillas. || El dragoncito aprendió que las burbujas son un regalo maravilloso, y a todos les encantó jugar con ellas.",
            "Un día, un dragón bebé aterrizó en el prado con un buen golpe y una sonrisa muy avergonzada. || El dragón bebé por fin pudo volver a casa, dando una voltereta feliz en el aire por encima de sus cabezas.",
            "Los niños del pueblo siempre se habían preguntado por el suave retumbar de las montañas, y hoy {N} lo descubrió: era un dragón que roncaba. || El dragón dormilón se despertó, soltó un bostezo tibio con olor a canela y se hizo su amigo para siempre.",
        ],
        &[
            "El dragoncito quería volar hasta la cueva de su familia, pero se tambaleaba con el viento. || Con un poco de práctica y muchos ánimos, el dragón voló recto y seguro.",
            "El dragón tenía una espina en la pata y le daba demasiada vergüenza pedir ayuda. || La espina salió con mucho cuidado, y el dragón ronroneó como un gatito gigante.",
            "Los otros dragones hacían un concurso de burbujas, y el dragoncito estaba demasiado nervioso para participar. || El dragoncito sopló la burbuja más grande y brillante del día, y todos aplaudieron.",
        ],
    ),
    e(
        "el Tesoro Submarino",
        "en un arrecife luminoso lleno de peces de colores",
        &[
            "Una burbuja que llevaba un mapa diminuto subió a la superficie y estalló justo delante de la nariz de {N}. || El mapa llevaba a un cofre lleno de conchas brillantes, y las compartieron con todos los peces del arrecife.",
            "Bajo las olas, los peces buscaban un cofre del tesoro perdido desde hacía cien años. || Por fin encontraron el viejo cofre, y dentro estaba el tesoro favorito del arrecife: una canción que todos los peces sabían cantar.",
            "Una vieja ballena bondadosa le habló a {N} de un cofre de perlas brillantes escondido en el jardín de coral. || Llevaron las perlas a la vieja ballena, que las colgó en el agua como un collar de lunitas.",
        ],
        &[
            "Un pulpo tímido se había escondido en el coral, y tenía un trozo del mapa. || El pulpo salió, saludó con sus ocho brazos y se unió a la búsqueda.",
            "El cofre del tesoro estaba atrapado bajo una estrella de mar pesada y dormilona que no quería moverse. || La estrella de mar se dio la vuelta bostezando, y el cofre quedó libre.",
            "Una corriente los llevó {r:suavemente|dulcemente} a una cueva, y no veían la salida. || Unas medusas luminosas alumbraron el {r:camino|sendero} como lamparitas, y la salida fue fácil de encontrar.",
        ],
    ),
    e(
        "el Castillo de las Nubes",
        "en un castillo de nubes, muy por encima del mundo",
        &[
            "En el jardín apareció una escalera de nube, y en lo alto había un castillo blanco como la nata montada. || El rey de las nubes los invitó a un banquete de gelatina de gotas de lluvia, y volvieron a casa en una nubecita blandita.",
            "El rey de las nubes había perdido su corona de arcoíris, y sin ella la lluvia no encontraba sus colores. || El rey se puso la corona, y el siguiente chaparrón dejó el arcoíris más {r:bonito|precioso} que se había visto nunca.",
            "Una nube con forma de oveja bajó y ofreció a {N} y a {C} llevarlos al cielo. || La nube oveja les enseñó el mundo desde arriba, pequeñito y tranquilo, antes de devolverlos con suavidad a casa.",
        ],
        &[
            "El puente entre dos torres era de neblina y no paraba de deshacerse. || Tejieron la neblina con un rayo de sol, y el puente quedó firme y brillante.",
            "Los perritos de nube botaban tanto que habían tirado algo importante por una ventana. || El tesoro perdido había caído en una nubecita justo debajo, sano y salvo.",
            "El viento soplaba demasiado fuerte, y el castillo {r:empezó a|comenzó a} irse hacia las montañas. || Le pidieron al viento con amabilidad que soplara hacia el otro lado, y el castillo volvió a su sitio.",
        ],
    ),
    e(
        "la Misión a Través del Tiempo",
        "en un castillo de cuento, hace muchísimo tiempo",
        &[
            "{N} encontró un viejo reloj de bolsillo que iba hacia atrás, y al darle cuerda, toda la habitación {r:empezó a|comenzó a} girar {r:suavemente|dulcemente}. || Con una vuelta más de cuerda, la habitación giró {r:suavemente|dulcemente} hacia el otro lado, y llegaron a casa justo a tiempo para cenar.",
            "Un relojero amable pidió ayuda a {N} y a {C}: una página de la historia se había emborronado, y había que arreglarla. || La página de la historia volvió a estar clara, y el relojero les regaló una llavecita dorada para recordar el día.",
            "El gran reloj del pasillo dio trece campanadas, y su puerta se abrió crujiendo a un día soleado de hace mucho tiempo. || Cuando el reloj dio las doce, la puerta se abrió de nuevo al pasillo de casa, como si no hubiera pasado el tiempo.",
        ],
        &[
            "En el patio del castillo, el panadero real había olvidado cómo hacer pan, y el banquete era esa misma noche. || Recordaron la receta entre todos, y el castillo entero olió a pan calentito.",
            "Un joven caballero había perdido la llave de la biblioteca del castillo, donde se guardaban todas las historias. || La llave colgaba del cinturón del propio caballero, y la puerta de la biblioteca se abrió con un clic alegre.",
            "Las agujas del reloj se habían enredado, y había que enderezarlas antes de que se pusiera el sol. || Poquito a poco, las agujas se desenredaron, y el reloj volvió a hacer tictac con {r:alegría|felicidad}.",
        ],
    ),
    e(
        "el Viaje a las Estrellas",
        "en un pequeño cohete plateado entre las estrellas",
        &[
            "{N} y {C} construyeron un cohete con una caja de cartón, y aquella noche despegó de verdad. || El cohete aterrizó {r:suavemente|dulcemente} en el jardín y volvió a ser una caja de cartón, pero ellos sabían la verdad.",
            "Una estrellita cayó en el jardín y pidió que la llevaran de vuelta a casa, a la Vía Láctea. || La estrellita volvió a casa parpadeando, y cada noche después de aquella le guiñaba un ojo a la ventana de {N}.",
            "La luna había enviado una invitación: un pícnic espacial en los anillos de un planeta lejano. || El pícnic en los anillos fue el más {r:bonito|precioso} de todo el universo.",
        ],
        &[
            "En un planetita azul conocieron a un extraterrestre tímido que coleccionaba piedras de luna. || El extraterrestre les regaló una piedra brillante, y ellos le enseñaron a decir adiós con la mano.",
            "El mapa del cohete se hizo un lío, y todos los planetas parecían pelotas de playa. || Contaron los anillos y las lunas, y pronto supieron exactamente dónde estaban.",
            "Un cometa pasó zumbando con una estela de polvo brillante y les propuso una carrera. || Fue la carrera más alegre de la galaxia, y todos ganaron.",
        ],
    ),
    e(
        "el Mundo Diminuto",
        "en un mundo diminuto escondido entre las briznas de hierba",
        &[
            "{N} encontró una bellota que brillaba, y al tocarla, {g:se hizo tan pequeñito como una mariquita|se hizo tan pequeñita como una mariquita|encogió hasta el tamaño de una mariquita}. || Cuando terminó la aventura, la bellota brilló otra vez, y {N} recuperó su tamaño de siempre.",
            "Bajo los rosales del jardín había todo un pueblo no más grande que una taza de té, y esa noche sus habitantes necesitaban ayuda. || Los habitantes diminutos celebraron una fiesta diminuta, con una música tan suave que parecía el aleteo de una polilla.",
            "Un abejorro se posó en el dedo de {N} y le invitó a visitar el reino diminuto bajo el jardín. || El abejorro los llevó de vuelta a casa sobre su lomo peludito, zumbando todo el {r:camino|sendero}.",
        ],
        &[
            "Una sola gota de lluvia era tan grande como una pelota, y había rodado hasta la puerta del pueblo. || Hicieron rodar la gota hasta una flor en forma de copa, donde las abejas pudieron beber.",
            "Las hormigas construían un puente, pero una de las ramitas pesaba demasiado. || Empujando todos juntos, la ramita encajó en su sitio, y las hormigas aplaudieron con vocecitas diminutas.",
            "La corona de la reina diminuta era una gota de rocío, y había rodado debajo de una hoja. || Encontraron la corona de rocío, brillante, y la reina volvió a llevarla con orgullo.",
        ],
    ),
    e(
        "la Lección de la Maga del Tiempo",
        "en lo alto de la colina donde vivía la maga del tiempo",
        &[
            "La maga del tiempo se estaba haciendo mayor y buscaba a alguien a quien enseñarle todo, y eligió a {N}. || La maga sonrió y dijo: «Desde hoy, el tiempo te escuchará», y le regaló a {N} una nubecita para siempre.",
            "Las nubes se habían hecho un lío: nevaba sobre las flores y llovía sobre los muñecos de nieve. || Pronto la nieve volvió a los muñecos, la lluvia a las flores, y todo quedó como debía.",
            "En lo alto de la colina había una veleta que hablaba, y hoy tenía un mensaje importante. || El mensaje era sencillo: «Mañana hará sol», y todo el pueblo aplaudió.",
        ],
        &[
            "La primera lección era hacer una brisa suave, pero el primer intento hizo un remolino diminuto lleno de hojas. || El segundo intento hizo una brisa tan suave que podría haber mecido a un pajarito.",
            "Una nubecita era demasiado tímida para llover, y el jardín sediento esperaba. || La nubecita dejó caer la lluvia más suave, y todas las flores del jardín levantaron la cabeza.",
            "Para hacer un arcoíris hacía falta un poco de sol, un poco de lluvia y mucha paciencia. || El arcoíris se arqueó sobre la colina, y su final se posó justo a sus pies.",
        ],
    ),
    e(
        "los Susurros de los Animales",
        "en un claro soleado del bosque lleno de animales",
        &[
            "Una mañana, {N} se despertó y descubrió que entendía cada palabra de los animales. || Por la noche, {N} tenía tantos amigos animales que todos vinieron a darle las buenas noches.",
            "Una vieja tortuga sabia se ofreció a enseñarle a {N} el idioma de los animales del bosque. || La tortuga asintió {r:despacio|despacito} y dijo que {N} había aprendido la palabra más importante de todas: «amigo».",
            "Los animales del claro tenían un problema, y necesitaban a alguien que supiera escuchar. || Como alguien los había escuchado, los animales encontraron su propia solución, y el claro volvió a estar en paz.",
        ],
        &[
            "Los conejos y las ardillas no se ponían de acuerdo sobre a quién le tocaba el rincón soleado. || Decidieron compartir: los conejos por la mañana, las ardillas por la tarde y todos juntos a la hora de la merienda.",
            "Un petirrojo tenía algo importante que decir, pero solo sabía cantarlo. || La canción del petirrojo quería decir: «¡Han nacido mis polluelos!», y todos fueron a ver a los pajaritos diminutos.",
            "Las ranas querían dar un concierto, pero no se ponían de acuerdo con la canción. || Cantaron todas las canciones, una tras otra, y fue el concierto más largo y feliz que el estanque había oído jamás.",
        ],
    ),
    e(
        "el País de los Sueños",
        "en el país de los sueños, donde las islas flotan entre lunas suaves",
        &[
            "En cuanto {N} cerró los ojos, llegó una barca de plumas para llevarle al país de los sueños. || La barca de plumas llevó a {N} de vuelta a casa, bajando tan suave como una hoja que cae.",
            "En el país de los sueños, el hombrecillo de la arena había perdido su saco de arena dorada, y nadie podía dormirse. || El hombrecillo encontró su arena dorada y echó un poquito sobre cada uno, y todo el país bostezó feliz.",
            "{N} soñó con una escalera de nubes, y arriba del todo le esperaba {C} con un farolillo. || En lo alto de la escalera, el farolillo mostró el {r:camino|sendero} hacia el más dulce de todos los sueños.",
        ],
        &[
            "La isla de algodón de azúcar se alejaba flotando, y los niños del sueño querían ir a jugar allí. || Una cuerda de arcoíris trajo la isla de vuelta, y todos jugaron allí hasta la hora de descansar.",
            "Un gigante bueno de los sueños estaba sentado muy quieto, porque había olvidado el final de su nana favorita. || Tararearon la nana juntos hasta que el gigante se acordó, y la cantó tan bajito que las estrellas se mecieron.",
            "Las estrellas se habían mezclado y escribían palabras graciosas en el cielo de los sueños. || Colocaron las estrellas en su sitio, una a una, hasta que el cielo escribió «buenas noches».",
        ],
    ),
];
