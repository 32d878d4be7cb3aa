//! French words for the 20 built-in events: title, place, situations (setup || payoff) and
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
        "le Chemin de Lune",
        "sur le chemin de lune, derrière la petite maison",
        &[
            "Ce soir-là, une traînée de lucioles apparut au portail du jardin, et {N} et {C} décidèrent de la suivre avant d'aller au lit. || Au bout du {r:chemin|sentier}, les lucioles dansèrent une dernière danse rien que pour eux, puis s'envolèrent vers leurs lits de mousse.",
            "La lune se pencha et {r:murmura|chuchota} qu'une petite étoile ensommeillée s'était égarée et avait besoin d'aide pour retrouver le ciel. || D'un geste doux et d'un bonsoir murmuré, la petite étoile remonta à sa place dans le ciel et scintilla pour dire merci.",
            "Juste avant de se coucher, {N} remarqua que le {r:chemin|sentier} d'argent de la lune traversait le jardin et montait par-dessus la colline. || En haut de la colline, la lune leur sourit, et ils surent qu'ils avaient trouvé l'endroit le plus paisible du monde.",
        ],
        &[
            "Près d'un vieux chêne, un bébé hibou faisait de gros efforts pour rester éveillé avant son tout premier vol de nuit. || Le bébé hibou ouvrit ses ailes, poussa un joyeux hou-hou et fit le tour du chêne pour la toute première fois.",
            "Sur la colline, ils trouvèrent des fleurs de lune qui avaient oublié comment s'ouvrir. || Une à une, les fleurs de lune ouvrirent leurs pétales d'argent, et l'air se remplit d'un doux parfum de sommeil.",
            "Le {r:chemin|sentier} de lune traversait un étang si calme que personne ne savait où se trouvaient les pierres de gué. || Alors la lune brilla un peu plus fort, et les pierres apparurent comme une rangée de boutons brillants.",
            "Un petit hérisson s'était roulé en boule au milieu du {r:chemin|sentier} et ne retrouvait plus son lit de feuilles. || Ils accompagnèrent le hérisson jusqu'à la haie, où l'attendait un tas de feuilles bien chaud, et il s'y blottit avec un tout petit bâillement.",
            "Le vent du soir avait secoué la corde à linge, et une petite couverture était restée accrochée dans les branches du pommier. || La couverture redescendit, douce et sèche, puis ils la plièrent avec soin et la posèrent sur le perron pour le lendemain matin.",
            "Au bord du ruisseau, les grenouilles chantaient leur chanson du soir, mais une petite grenouille avait perdu l'air. || Ils fredonnèrent l'air ensemble, tout bas et tout doucement, jusqu'à ce que la petite grenouille le retrouve, et toute la mare chanta en chœur.",
            "Un nuage ensommeillé était descendu si bas qu'il cachait la lune, et le {r:chemin|sentier} avait perdu son éclat d'argent. || Le nuage poussa un long soupir tout doux, remonta au-dessus des arbres, et la lumière de la lune se posa de nouveau sur le {r:chemin|sentier}.",
            "Un tout petit ver luisant soupirait sur une fougère, car sa lumière était devenue trop faible pour guider les scarabées jusque chez eux. || La lumière du ver luisant redevint chaude et claire, et une file de scarabées le suivit tout doucement jusqu'à leurs lits.",
        ],
    ),
    e(
        "la plus belle journée d'école",
        "à la petite école à la porte rouge",
        &[
            "C'était un jour d'école, et la maîtresse avait promis une surprise toute spéciale après le déjeuner. || La surprise, c'était un pique-nique sous le pommier, et tout le monde fut d'accord : c'était la plus belle journée d'école.",
            "En allant à l'école, {N} et {C} trouvèrent une boîte à goûter perdue, avec une étiquette qui disait « Mo ». || Mo serra la boîte contre lui et partagea ses fraises, et depuis ce jour, Mo fut leur ami.",
            "Aujourd'hui, la classe allait planter un jardin, et chacun avait apporté une graine de la maison. || À la fin de la journée, vingt petites graines dormaient dans la terre, et toute la classe {r:chuchota|murmura} : « Poussez bien. »",
        ],
        &[
            "Pendant le dessin, un nouvel élève restait assis dans un coin, sans rien dessiner du tout. || Bientôt, le nouvel élève dessinait un éléphant violet en riant, et son dessin fut accroché au mur.",
            "À la récréation, le ballon roula sous le grand toboggan, et personne ne pouvait l'attraper. || Avec un long bâton et un peu d'entraide, le ballon ressortit, et la partie continua.",
            "Dans le coin lecture, les pages du livre préféré s'étaient détachées et traînaient partout. || Ils remirent les pages dans l'ordre, les nouèrent avec un ruban, et l'histoire fut de nouveau entière.",
            "Le hamster de la classe avait poussé sa petite porte, et quand la cloche sonna, il avait disparu. || Ils trouvèrent le hamster endormi dans le chausson de la maîtresse, et il regagna sa cage avec un petit couinement ensommeillé.",
            "Dans le coin musique, le petit xylophone avait perdu une de ses lames, et la chanson de la classe sonnait de travers. || La lame perdue était sous le piano, et quand elle reprit sa place, toute la classe chanta la chanson du début à la fin.",
            "À midi, un camarade renversa son jus de fruits sur son dessin et sembla sur le point de pleurer. || Ils séchèrent le dessin en le tapotant, peignirent un soleil bleu là où le jus avait coulé, et ce fut le plus joli dessin du mur.",
            "La classe construisait une tour de cubes en bois, mais elle penchait et s'écroulait sans arrêt. || Ils mirent les plus gros cubes en bas, et la tour resta bien droite jusqu'à la fin de la journée.",
            "Pendant la leçon d'orthographe, une camarade butait toujours sur un mot long et difficile. || Ils découpèrent le mot en petits morceaux en tapant dans leurs mains, et bientôt la camarade sut l'écrire plus vite que tout le monde.",
        ],
    ),
    e(
        "la Surprise d'anniversaire",
        "dans un jardin plein de ballons et de guirlandes",
        &[
            "C'était un jour d'anniversaire, et {C} chuchotait des plans secrets depuis le matin. || Le plan secret, c'était une chanson surprise, et tout le monde la chanta si joliment que l'anniversaire ressembla à un câlin.",
            "C'était jour de fête, le gâteau était presque prêt, mais les bougies avaient disparu. || Les bougies étaient dans le pot de farine, et quand on les alluma, tout le monde fit un vœu ensemble.",
            "Tous les {r:amis|copains} étaient invités à un pique-nique d'anniversaire, et {N} voulait que chaque invité se sente spécial. || À la fin de la fête, chaque invité avait une couronne en papier et un sourire, exactement comme {N} l'avait espéré.",
        ],
        &[
            "Un ballon s'échappa et monta vers les nuages, avec une petite carte encore attachée à sa ficelle. || Une brise amicale fit demi-tour et ramena doucement le ballon, carte comprise.",
            "Les jeux étaient prêts, mais un petit invité était trop timide pour participer. || Bientôt, le petit invité riait plus fort que tout le monde et demandait à jouer encore une fois.",
            "Quand le gâteau arriva, il y avait plus d'invités que de parts. || Ils coupèrent chaque part en deux, et les petits morceaux parurent encore plus sucrés.",
            "La banderole d'anniversaire s'était décrochée d'un côté et pendait comme un drapeau endormi. || Ils raccrochèrent la banderole, bien droite et bien gaie, et chaque lettre eut l'air de sourire.",
            "Le cadeau était prêt, mais il ne restait plus une seule feuille de papier cadeau dans toute la maison. || Ils emballèrent le cadeau dans une page de dessins, le nouèrent avec une guirlande de pâquerettes, et ce fut le cadeau le plus admiré de tous.",
            "Un coup de vent emporta les serviettes en papier à travers la pelouse, comme une volée d'oiseaux blancs. || Ils coururent après les serviettes en riant, et toutes, sans exception, revinrent sur la table.",
            "La chanson d'anniversaire commença, mais chacun partait sur une note différente, et cela sonnait bien drôle. || Ils recommencèrent tout doucement, tous ensemble, et cette fois la chanson fut si douce que même les oiseaux s'arrêtèrent pour l'écouter.",
            "Le gros flan tremblotait tant qu'il semblait prêt à glisser de son plat avant d'arriver au jardin. || Ils le portèrent ensemble, lentement, pas à pas, et le flan arriva tout tremblotant mais entier, sous les applaudissements.",
        ],
    ),
    e(
        "la Grande Expédition du week-end",
        "parmi les collines vertes, au bout du village",
        &[
            "C'était samedi, et {N} et {C} préparèrent un sac à dos avec des sandwichs, une carte et une loupe. || Ils mangèrent leurs sandwichs sur la plus haute colline et convinrent qu'explorer, c'est encore mieux à deux.",
            "Le week-end était arrivé, et avec lui une vieille carte montrant un endroit appelé la Prairie qui chuchote. || La Prairie qui chuchote existait bel et bien, et l'herbe y murmurait vraiment : « Bienvenue, explorateurs. »",
            "Samedi matin, {N} décida que c'était le jour de découvrir où commençait le petit ruisseau. || Le ruisseau naissait d'une minuscule source sous un rocher moussu, et il gargouillait comme un fou rire.",
        ],
        &[
            "Ils trouvèrent un arbre creux avec une toute petite porte, et un mot qui disait : « Merci de frapper doucement. » || Une famille de souris ouvrit la porte et les invita à jeter un œil dans leur nid {r:douillet|moelleux}.",
            "La carte montrait une grande croix près d'un rocher en forme de chat endormi, mais il y avait beaucoup de rochers. || Le bon rocher avait même des moustaches en herbe, et dessous se trouvait une boîte en fer pleine de boutons brillants.",
            "En haut de la colline, le vent soufflait si fort que la carte faillit s'envoler. || Ils plièrent la carte en un tout petit carré et la rangèrent bien au fond du sac.",
            "Un petit pont de bois enjambait le ruisseau, mais l'une de ses planches avait glissé de travers. || Ils remirent la planche bien droite, l'essayèrent d'un pas prudent et passèrent de l'autre côté sans la moindre peine.",
            "Dans une clairière, une maman lapine essayait de compter ses petits, mais les petits ne tenaient pas en place. || Ils jouèrent à se mettre en rang, et la maman lapine compta sept petites queues duveteuses : il n'en manquait aucune.",
            "Le sentier se séparait en deux, et le vent avait fait tourner le panneau dans le mauvais sens. || Ils regardèrent le soleil, se rappelèrent la carte et remirent le panneau dans le bon sens pour les prochains explorateurs.",
            "Un gros scarabée était tombé sur le dos au milieu des cailloux et n'arrivait plus à se retourner. || Du bout d'une feuille, ils aidèrent le scarabée à se remettre sur ses pattes, et il s'en alla en brillant comme un petit bijou vert.",
            "Sur une pierre grise et plate, ils remarquèrent quelque chose de curieux : la forme d'un coquillage imprimée dans la roche. || C'était un fossile très, très ancien, et ils le laissèrent à sa place pour que les prochains explorateurs puissent l'admirer.",
            "Un écureuil avait fait tomber ses glands partout sur le sentier et jacassait, tout affolé. || Ils rassemblèrent les glands en un joli petit tas au pied de son arbre, et l'écureuil jacassa un joyeux merci.",
        ],
    ),
    e(
        "la Magie d'un jour de pluie",
        "dans une maison douillette où la pluie tapotait aux fenêtres",
        &[
            "Il pleuvait toute la journée, alors {N} et {C} décidèrent de construire la plus grande cabane de couvertures que le salon ait jamais vue. || Quand la cabane fut finie, elle était si douillette que la pluie, dehors, ressemblait à une berceuse.",
            "Il pleuvait trop pour jouer dehors, mais {N} remarqua que les gouttes sur la vitre faisaient la course. || Ils encouragèrent les gouttes tout l'après-midi, et à la fin, chaque goutte avait gagné une course.",
            "Par cet après-midi pluvieux, {N} trouva au grenier une boîte marquée « Pour un jour de pluie ». || Dans la boîte se trouvait un royaume en carton, et ils y jouèrent jusqu'à ce que la pluie s'arrête.",
        ],
        &[
            "Dans la cabane, ils voulaient ouvrir un café pour de faux, mais il n'y avait pas de chaises. || Les coussins firent des chaises parfaites, et le café servit du thé imaginaire à tous les nounours de la maison.",
            "Une flaque sous la fenêtre reflétait un arc-en-ciel, et {N} voulait savoir où il commençait. || Ils découvrirent que les arcs-en-ciel naissent là où le soleil et les gouttes de pluie se rencontrent, et c'est une sorte de magie.",
            "Les peintures de la vieille boîte avaient séché et ne marchaient plus. || Quelques gouttes d'eau réveillèrent les couleurs, et {r:bientôt|très vite} la fenêtre fut couverte de fleurs peintes.",
            "La pluie rendait le chat trop agité pour faire la sieste, et il n'arrêtait pas de courir après les gouttes sur la vitre. || Ils lui donnèrent une pelote de laine et un carton pour se cacher, et bientôt le chat ronronnait dans son carton, profondément endormi.",
            "Les bottes pleines de boue avaient laissé des traces de pas tout le long du couloir. || Ils firent du ménage un jeu de marelle avec des chiffons, et bientôt le sol du couloir brillait de nouveau.",
            "Ils voulaient finir le grand puzzle, mais il manquait le dernier morceau de ciel. || Le morceau perdu était sous le canapé, à côté d'une bille égarée et d'un crayon, et le ciel fut enfin complet.",
            "Ils voulaient faire des biscuits, mais la pluie entrée par une fenêtre ouverte avait éclaboussé la recette et brouillé la moitié des mots. || Ils devinèrent ensemble les mots manquants, et les biscuits sortirent un peu de travers, mais absolument délicieux.",
            "Ils plièrent un bateau de papier pour la grande flaque devant la porte, mais il se ramollit aussitôt. || Ils plièrent un deuxième bateau dans un papier plus épais, et il traversa la flaque en se dandinant jusqu'à l'autre bord.",
            "Les plantes du rebord de la fenêtre avaient l'air toutes tristes et pâles, car ce jour gris avait caché le soleil. || Ils installèrent les plantes à l'endroit le plus lumineux de la pièce et donnèrent à chacune une gorgée d'eau, et le soir les feuilles s'étaient redressées.",
            "Le panier à laine de Mamie s'était renversé, et toutes les pelotes s'étaient emmêlées en un gros nœud de laine. || Ils démêlèrent le nœud fil par fil et enroulèrent chaque couleur en une jolie pelote, et Mamie applaudit.",
            "Ils voulaient donner un spectacle de marionnettes, mais les marionnettes n'avaient pas de scène. || Une table renversée et un torchon firent une scène parfaite, et les marionnettes saluèrent un public de nounours.",
            "La pluie gouttait de la gouttière avec un tic-tac de pendule, et l'après-midi semblait très long. || Ils inventèrent une chanson au rythme des gouttes, et l'après-midi passa aussi vite qu'une mélodie.",
            "Le coffre à déguisements était plein, mais tous les chapeaux étaient trop grands et tous les manteaux trop longs. || Ils retroussèrent les manches, remplirent les chapeaux d'écharpes et firent un grand défilé tout le long du couloir.",
            "Le petit train n'avait plus de rails au milieu du tapis. || Ils construisirent la suite de la voie avec des livres et des règles, et le petit train roula jusqu'à la gare du canapé.",
            "La vitre s'était couverte de buée, et plus personne ne voyait le jardin. || Ils dessinèrent un soleil souriant sur la vitre embuée, et par le rond du soleil, le jardin les regarda de nouveau.",
            "Un nounours adoré avait une oreille décousue qui lui retombait tristement sur un œil. || Avec une aiguille, du fil et l'aide d'un grand, l'oreille fut recousue, et le nounours eut l'air prêt à tout.",
            "Ils voulaient jouer à la marchande, mais il n'y avait pas d'argent dans la caisse pour de faux. || Ils découpèrent des pièces dans du papier jaune et dessinèrent un visage souriant sur chacune, et la boutique ouvrit aussitôt.",
            "Ce jour de pluie rendait la cuisine si fraîche que la pâte à pain refusait de lever. || Ils installèrent le saladier sous un torchon tiède près du radiateur, et une heure plus tard la pâte avait gonflé comme un nuage.",
        ],
    ),
    e(
        "le Pique-nique en famille",
        "dans la petite maison chaleureuse où vivait toute la famille",
        &[
            "Aujourd'hui, toute la famille était réunie, et l'on avait prévu un pique-nique au jardin, suivi d'histoires. || Le pique-nique fut si réussi que tout le monde décida de recommencer chaque semaine.",
            "Mamie était venue en visite, avec une vieille recette du gâteau au miel le plus {r:moelleux|douillet} du monde. || Le gâteau au miel sortit du four doré et {r:moelleux|douillet}, et Mamie déclara que c'était le meilleur jamais fait.",
            "C'était le jour de la famille, et chacun avait une tâche, du plus grand au plus petit. || Le soir venu, toutes les tâches étaient faites, et la famille s'installa sur le canapé, fatiguée et heureuse.",
        ],
        &[
            "Les lunettes de Papi avaient disparu, et sans elles, il ne pouvait pas lire l'histoire du soir. || Les lunettes étaient sur la tête de Papi depuis le début, et tout le monde rit à s'en tenir le ventre.",
            "Le gâteau au miel demandait trois œufs, et il n'y en avait que deux dans le panier. || La voisine avait un œuf à prêter, et en échange, elle eut la première part de gâteau.",
            "Le petit cousin ne voulait pas se calmer tant qu'on n'avait pas trouvé la bonne chanson. || La bonne chanson était une toute petite chanson très douce, et le bébé s'endormit avec le sourire.",
            "L'album de photos de la famille s'était défait, et toutes les photos étaient mélangées. || Ils remirent les photos dans l'ordre, de la plus ancienne à la plus récente, en riant des drôles de chapeaux sur chacune.",
            "Tout le monde voulait jouer à un jeu différent, et personne n'arrivait à choisir. || Ils mirent le nom de chaque jeu dans un chapeau, et le premier tiré au sort fut justement celui que tout le monde préférait.",
            "Papa essayait de plier un grand drap tout seul, et le drap claquait comme une voile. || Avec un coin dans chaque paire de mains, le drap fut plié en un instant, aussi net qu'une lettre.",
            "Le vieux chien de la famille voulait se joindre au jeu, mais ses pattes étaient fatiguées et lentes. || Ils inventèrent un jeu tout doux et tout lent rien que pour lui, et le vieux chien remua la queue comme s'il avait gagné un prix.",
            "C'était l'heure de préparer le dîner ensemble, mais la soupe n'avait presque aucun goût. || Une pincée de sel, un brin de persil et beaucoup de tours de cuillère plus tard, la soupe avait le goût d'un câlin tout chaud.",
        ],
    ),
    e(
        "un nouvel ami",
        "dans le parc au grand vieux chêne",
        &[
            "Au parc, il y avait un enfant que personne n'avait jamais vu, debout près des balançoires sans rien dire. || À la fin de l'après-midi, le nouvel enfant avait un prénom, Ada, et deux tout nouveaux {r:amis|copains}.",
            "Une nouvelle famille venait d'emménager à côté, et {N} voulait aller dire bonjour. || Le soir, les nouveaux voisins firent coucou à la fenêtre, et {N} sut que c'était le début de quelque chose de {r:beau|joli}.",
            "Ce matin-là, {N} s'était fait une promesse : aujourd'hui, il y aurait un tout nouvel ami. || Et la promesse fut tenue, car un ami attendait juste au coin du {r:chemin|sentier}.",
        ],
        &[
            "Le nouvel enfant ne connaissait que quelques mots de la même langue, mais avait un grand sourire. || Ils découvrirent que les jeux, les sourires et les tapes dans la main n'ont besoin d'aucun mot.",
            "Deux enfants voulaient la même balançoire, et aucun des deux ne voulait attendre. || Ils comptèrent chacun à leur tour jusqu'à vingt, et {r:bientôt|très vite} plus personne ne trouva l'attente longue.",
            "Le nouvel ami avait un cerf-volant, mais il était coincé dans les branches du chêne. || Le cerf-volant se libéra d'un petit coup et vola plus haut que jamais, emportant tous les sourires avec lui.",
            "Un garçon construisait un château de sable tout seul dans le bac à sable, trop timide pour demander de l'aide. || Ils proposèrent d'aller chercher de l'eau pour les douves, et bientôt trois amis bâtissaient le plus haut château que le bac à sable ait jamais vu.",
            "Deux enfants avaient chacun dessiné un dragon à la craie sur le trottoir, et chacun disait que le sien était le plus beau. || Ils tracèrent un pont de craie entre les deux dragons, et les deux enfants éclatèrent de rire et dessinèrent un château à partager.",
            "Le chiot du nouvel ami était timide et se cachait derrière le banc dès que quelqu'un approchait. || Ils restèrent bien tranquilles en tendant une main ouverte, et au bout d'un moment le chiot sortit, la renifla et remua la queue.",
            "À la table du pique-nique, un enfant mangeait des raviolis que personne ne connaissait et avait peur d'être différent. || L'enfant partagea ses raviolis et raconta comment sa grand-mère les préparait, et tout le monde convint que les nouveaux amis apportent de nouvelles saveurs.",
            "Une bande d'enfants voulait jouer à cache-cache, mais il leur manquait un joueur. || Ils invitèrent la petite fille silencieuse assise sur le banc, et il se trouva qu'elle connaissait toutes les meilleures cachettes.",
        ],
    ),
    e(
        "quelque chose de nouveau",
        "dans la petite bibliothèque au jardin sur le toit",
        &[
            "Aujourd'hui, {N} voulait apprendre quelque chose de nouveau : faire du vélo sans les petites roues. || Au coucher du soleil, {N} faisait des cercles un peu tremblants, puis des lignes bien droites, et {C} applaudissait à chaque fois.",
            "La bibliothécaire montra à {N} un livre sur les étoiles et proposa d'apprendre leurs noms. || Ce soir-là, {N} savait montrer la Grande Ourse et l'étoile du Nord, et dire leurs noms à voix haute.",
            "{N} avait décidé d'apprendre un air sur une toute petite flûte en bois. || Le soir, {N} joua tout l'air devant la famille, et pas une seule note ne couina.",
        ],
        &[
            "Le premier essai ne se passa pas comme prévu, et le deuxième fut un peu bancal aussi. || Le troisième essai fut meilleur, et le quatrième fut le plus réussi de tous.",
            "Le livre était plein de mots nouveaux, et certains étaient vraiment très longs. || Ils coupèrent les longs mots en petits morceaux, et chaque morceau était facile.",
            "L'air avait une note difficile qui sortait toujours en couinant. || Avec un souffle tout doux au lieu d'un grand, la note difficile sortit ronde et claire.",
            "Les aiguilles à tricoter glissaient sans cesse, et le premier rang de mailles se défaisait encore et encore. || Lentement, une boucle après l'autre, le rang tint bon, et le soir venu il y avait une toute petite écharpe pour un ours en peluche.",
            "La grue en papier du livre demandait vingt pliages, et l'un d'eux n'avait aucun sens. || Ils retournèrent la feuille, essayèrent encore une fois, et une petite grue de papier se dressa sur la table, les ailes ouvertes.",
            "Apprendre à siffler était plus difficile que prévu, et il ne sortait que de l'air. || Après beaucoup d'essais et beaucoup de fous rires, un petit sifflement clair s'envola, comme un oiseau qui dit bonjour.",
            "Pour nouer ses lacets, il fallait faire deux boucles, et les boucles s'échappaient sans arrêt. || L'astuce des oreilles de lapin fit merveille : une boucle, deux boucles, un petit saut dans le trou, et le nœud tint bien.",
            "Compter jusqu'à cent était un long voyage, et quelque part après soixante, les nombres s'emmêlaient. || Ils comptèrent d'abord de dix en dix, comme sur des pierres de gué, et ensuite tout le chemin jusqu'à cent parut facile.",
        ],
    ),
    e(
        "la Journée des coups de main",
        "dans le village aux cheminées tordues",
        &[
            "Le jardin de Madame Ronce était plein de mauvaises herbes, et elle était trop fatiguée pour toutes les arracher. || À l'heure du goûter, le jardin était propre, et Madame Ronce offrit à chacun un bol de chocolat chaud pour dire merci.",
            "Le village se préparait pour la fête, et tout le monde avait besoin d'une paire de mains en plus. || Quand les lumières de la fête s'allumèrent, chacun savait que beaucoup de petites mains avaient rendu cela possible.",
            "Un petit caneton avait perdu sa famille, et {N} et {C} décidèrent de l'aider à la retrouver. || La maman cane cancana de joie, et toute la famille canard défila devant eux comme pour dire merci.",
        ],
        &[
            "La brouette était pleine de pots de fleurs, et une de ses roues s'était desserrée. || Un tour de vis, un petit coup, et la roue fut remise en place ; les pots arrivèrent au marché sans encombre.",
            "Le boulanger s'était un peu brûlé les doigts et ne pouvait pas pétrir la pâte du pain de la fête. || De petites mains pétrirent la pâte, et le pain sortit du four rond et doré.",
            "La famille du caneton avait nagé jusqu'à l'autre rive de l'étang. || Ils firent le tour de l'étang avec le caneton, et {r:bientôt|très vite} il aperçut sa famille qui l'attendait dans les roseaux.",
            "Le chat du vieux monsieur Poivre était monté sur la cabane du jardin et ne voulait plus descendre pour son dîner. || Ils secouèrent doucement sa gamelle et attendirent patiemment, et enfin le chat sauta à terre et trottina vers son dîner.",
            "La bibliothèque croulait sous une grosse pile de livres rendus, et la bibliothécaire ne pouvait pas tous les ranger avant la fermeture. || Ils trièrent les livres par lettre et les portèrent rayon par rayon, et chaque livre retrouva sa place avant qu'on éteigne les lumières.",
            "Une petite fille avait laissé tomber son sac de billes, et elles avaient roulé partout sur la place. || Ils cherchèrent et comptèrent jusqu'à retrouver toutes les billes, même la bleue cachée dans un pot de fleurs.",
            "Le linge de la voisine séchait encore sur le fil, et de gros nuages gris arrivaient. || Ils décrochèrent le linge, le plièrent dans le panier, et les premières gouttes tombèrent juste au moment où la porte de la voisine se refermait.",
            "Le potager de l'école avait soif, et l'arrosoir était bien trop lourd pour une seule personne. || Ils portèrent l'arrosoir à deux, une main chacun sur la poignée, et chaque salade et chaque haricot eut droit à une bonne gorgée.",
        ],
    ),
    e(
        "les Lumières des fêtes",
        "dans le village enneigé éclairé de lanternes",
        &[
            "C'étaient les fêtes, et tout le village accrochait des lanternes et des rubans à chaque porte. || Quand la dernière lanterne fut allumée, le village brilla comme un bocal rempli d'étoiles.",
            "La neige était tombée pendant la nuit, et le marché de fête ouvrait sur la place. || Au marché, ils partagèrent des marrons chauds avec tous ceux qu'ils croisaient, et la neige scintillait autour d'eux.",
            "Pour les fêtes, {N} voulait offrir un cadeau à chaque ami, mais il n'y avait pas un sou dans la tirelire. || {N} fabriqua des cadeaux avec des étoiles en papier et des mots gentils, et ce furent les cadeaux les plus aimés de tous.",
        ],
        &[
            "La grande étoile du sapin avait glissé et s'était coincée dans un tas de neige. || Ils époussetèrent l'étoile, et on la remit tout en haut du sapin, plus brillante qu'avant.",
            "Les lanternes ne restaient pas allumées, car le vent soufflait sans cesse les petites flammes. || Ils construisirent un petit mur de neige pour abriter les lanternes, et chaque flamme se tint droite et brillante.",
            "Sur un banc de la place, un vieux monsieur avait perdu ses moufles, et ses mains commençaient à avoir froid. || Les moufles étaient sous le banc, et le vieux monsieur leur apprit une chanson de fête pour les remercier.",
        ],
    ),
    e(
        "la Forêt enchantée",
        "dans une forêt enchantée où brillaient les champignons",
        &[
            "Au cœur de la forêt, le plus vieil arbre avait cessé de chanter, et tous les animaux s'inquiétaient. || Quand le vieil arbre se remit à chanter, chaque feuille de la forêt reprit la chanson avec lui.",
            "Une feuille d'argent descendit en voletant et se posa dans la main de {N} ; on pouvait y lire : « Viens, s'il te plaît. » || La feuille avait été envoyée par les fées de la forêt, qui voulaient remercier {N} d'être un si bon ami des arbres.",
            "Les fées de la forêt avaient perdu leur lanterne, et sans elle, elles ne trouvaient plus le {r:chemin|sentier} de leur fête. || La lanterne des fées brilla de nouveau, et la fête dura jusqu'à ce que la lune soit haute.",
        ],
        &[
            "Un {r:chemin|sentier} de champignons lumineux menait à une clairière où toutes les fleurs restaient fermées. || Les fleurs s'ouvrirent, un pétale après l'autre, et la clairière brilla de toutes les couleurs de l'arc-en-ciel.",
            "Une famille de hérissons devait traverser un ruisseau, mais leurs petites pattes étaient trop courtes. || Un pont d'écorce porta les hérissons de l'autre côté, où ils se roulèrent en petites boules heureuses.",
            "Le vieil arbre sage posa une devinette : « Qu'est-ce qui grandit quand on le donne ? » || « La gentillesse ! » répondirent-ils, et le vieil arbre fit bruisser ses feuilles de plaisir.",
        ],
    ),
    e(
        "le Dragon ami",
        "dans les douces montagnes vertes où les dragons font la sieste",
        &[
            "Tout en haut des montagnes vivait un petit dragon qui ne crachait pas de feu, seulement des bulles tièdes qui chatouillaient. || Le petit dragon comprit que les bulles sont un merveilleux cadeau, et tout le monde adora jouer avec.",
            "Un jour, un bébé dragon atterrit dans la prairie avec un gros boum et un sourire tout gêné. || Le bébé dragon put enfin rentrer chez lui, en faisant un joyeux looping au-dessus de leurs têtes.",
            "Les enfants du village s'étaient toujours demandé d'où venait le doux grondement des montagnes, et aujourd'hui {N} le découvrit : c'était un dragon qui ronflait. || Le dragon ensommeillé se réveilla, bâilla un bâillement tiède qui sentait la cannelle et devint leur ami pour toujours.",
        ],
        &[
            "Le petit dragon voulait voler jusqu'à la grotte de sa famille, mais il vacillait dans le vent. || Avec un peu d'entraînement et beaucoup d'encouragements, le dragon vola bien droit.",
            "Le dragon avait une épine dans la patte et était trop timide pour demander de l'aide. || L'épine sortit tout doucement, et le dragon ronronna comme un chaton géant.",
            "Les autres dragons faisaient un concours de bulles, et le petit dragon n'osait pas essayer. || Le petit dragon souffla la bulle la plus grosse et la plus brillante de la journée, et tout le monde applaudit.",
        ],
    ),
    e(
        "le Trésor sous la mer",
        "dans un récif lumineux plein de poissons colorés",
        &[
            "Une bulle qui transportait une petite carte remonta à la surface et éclata juste sous le nez de {N}. || La carte menait à un coffre plein de coquillages brillants, et ils les partagèrent avec tous les poissons du récif.",
            "Sous les vagues, les poissons cherchaient un coffre au trésor perdu depuis cent ans. || Le vieux coffre fut enfin retrouvé, et dedans se trouvait le trésor préféré du récif : une chanson que tous les poissons savaient chanter.",
            "Une vieille baleine bienveillante parla à {N} d'un coffre de perles brillantes caché dans le jardin de corail. || Ils apportèrent les perles à la vieille baleine, qui les suspendit dans l'eau comme un collier de petites lunes.",
        ],
        &[
            "Une pieuvre timide s'était cachée dans le corail, et elle tenait un bout de la carte. || La pieuvre sortit, agita ses huit bras et se joignit à la chasse au trésor.",
            "Le coffre au trésor était coincé sous une étoile de mer lourde et endormie, qui ne voulait pas bouger. || L'étoile de mer se retourna en bâillant, et le coffre fut libéré.",
            "Un courant les emporta doucement dans une grotte, et ils ne voyaient plus la sortie. || Des méduses lumineuses éclairèrent le passage comme de petites lampes, et la sortie fut facile à trouver.",
        ],
    ),
    e(
        "le Château des nuages",
        "dans un château de nuages, tout en haut du monde",
        &[
            "Un escalier de nuages apparut dans le jardin, et tout en haut se dressait un château blanc comme de la crème fouettée. || Le roi des nuages les invita à un festin de gelée de gouttes de pluie, et ils rentrèrent sur un petit nuage tout doux.",
            "Le roi des nuages avait perdu sa couronne arc-en-ciel, et sans elle, la pluie ne retrouvait plus ses couleurs. || Le roi remit sa couronne, et l'averse suivante laissa le plus bel arc-en-ciel qu'on ait jamais vu.",
            "Un nuage en forme de mouton descendit et proposa à {N} et {C} de les emmener dans le ciel. || Le nuage-mouton leur montra le monde d'en haut, tout petit et paisible, avant de les ramener doucement à la maison.",
        ],
        &[
            "Le pont entre deux tours était fait de brume, et il n'arrêtait pas de se défaire. || Ils tricotèrent la brume avec un rayon de soleil, et le pont tint bon, tout scintillant.",
            "Les chiots-nuages rebondissaient tellement qu'ils avaient fait tomber quelque chose d'important par une fenêtre. || Le trésor perdu était tombé dans un petit nuage juste en dessous, sain et sauf.",
            "Le vent soufflait un peu trop fort, et le château {r:commença à|se mit à} dériver vers les montagnes. || Ils demandèrent gentiment au vent de souffler dans l'autre sens, et le château revint à sa place.",
        ],
    ),
    e(
        "la Mission à travers le temps",
        "dans un château de conte, il y a très, très longtemps",
        &[
            "{N} trouva une vieille montre à gousset qui tournait à l'envers, et quand on la remonta, toute la pièce {r:se mit à|commença à} tourner doucement. || Un tour de remontoir de plus, et la pièce tourna doucement dans l'autre sens : ils étaient rentrés juste à temps pour le dîner.",
            "Un gentil horloger demanda de l'aide à {N} et {C} : une page d'histoire avait été tachée, et il fallait la remettre en ordre. || La page d'histoire redevint claire, et l'horloger leur offrit une minuscule clé dorée en souvenir.",
            "La grande horloge du couloir sonna treize coups, et sa porte s'ouvrit en grinçant sur une journée ensoleillée d'autrefois. || Quand l'horloge sonna midi, la porte s'ouvrit de nouveau sur le couloir de la maison, comme si le temps ne s'était pas écoulé.",
        ],
        &[
            "Dans la cour du château, le boulanger royal avait oublié comment faire le pain, et le festin avait lieu le soir même. || Ils retrouvèrent la recette ensemble, et tout le château sentit bon le pain chaud.",
            "Un jeune chevalier avait perdu la clé de la bibliothèque du château, où toutes les histoires étaient rangées. || La clé pendait à la ceinture du chevalier lui-même, et la porte de la bibliothèque s'ouvrit avec un joyeux clic.",
            "Les aiguilles de l'horloge s'étaient emmêlées, et il fallait les remettre droites avant le coucher du soleil. || Tout doucement, les aiguilles se démêlèrent, et l'horloge se remit à faire tic-tac gaiement.",
        ],
    ),
    e(
        "le Voyage dans les étoiles",
        "dans une petite fusée d'argent, parmi les étoiles scintillantes",
        &[
            "{N} et {C} construisirent une fusée avec un carton, et cette nuit-là, elle décolla pour de vrai. || La fusée se posa doucement dans le jardin et redevint un simple carton, mais eux savaient bien la vérité.",
            "Une petite étoile tomba dans le jardin et demanda qu'on la ramène chez elle, dans la Voie lactée. || La petite étoile rentra chez elle en scintillant, et chaque nuit, elle fit un clin d'œil à la fenêtre de {N}.",
            "La lune avait envoyé une invitation : un pique-nique spatial sur les anneaux d'une planète lointaine. || Le pique-nique sur les anneaux fut le plus {r:beau|joli} pique-nique de tout l'univers.",
        ],
        &[
            "Sur une petite planète bleue, ils rencontrèrent un petit extraterrestre timide qui collectionnait les cailloux de lune. || L'extraterrestre leur offrit un caillou lumineux, et ils lui apprirent à faire au revoir de la main.",
            "La carte de la fusée s'embrouilla, et toutes les planètes ressemblaient à des ballons de plage. || Ils comptèrent les anneaux et les lunes, et {r:bientôt|très vite} ils surent exactement où ils étaient.",
            "Une comète passa à toute vitesse dans une traînée de poussière scintillante et leur proposa une course. || Ce fut la course la plus joyeuse de la galaxie, et tout le monde gagna.",
        ],
    ),
    e(
        "le Monde minuscule",
        "dans un monde minuscule caché entre les brins d'herbe",
        &[
            "{N} trouva un gland qui brillait, et en le touchant, {g:devint aussi petit qu'une coccinelle|devint aussi petite qu'une coccinelle|rapetissa jusqu'à la taille d'une coccinelle}. || Quand l'aventure fut finie, le gland brilla encore une fois, et {N} retrouva sa taille habituelle.",
            "Sous les rosiers du jardin se cachait tout un village pas plus grand qu'une tasse de thé, et ce soir, ses habitants avaient besoin d'aide. || Les minuscules habitants donnèrent une minuscule fête, avec une musique si douce qu'on aurait dit des ailes de papillon de nuit.",
            "Un bourdon se posa sur le doigt de {N} et l'invita à visiter le petit royaume caché sous le jardin. || Le bourdon les ramena sur son dos tout duveteux, en bourdonnant tout le long du {r:chemin|sentier}.",
        ],
        &[
            "Une seule goutte de pluie était grosse comme un ballon, et elle avait roulé juste devant la porte du village. || Ils firent rouler la goutte dans une fleur en forme de coupe, où les abeilles purent venir boire.",
            "Les fourmis construisaient un pont, mais une des brindilles était bien trop lourde. || Tout le monde poussa, la brindille glissa à sa place, et les fourmis applaudirent de leurs toutes petites voix.",
            "La couronne de la minuscule reine était une goutte de rosée, et elle avait roulé sous une feuille. || La couronne de rosée fut retrouvée, toute scintillante, et la reine la porta de nouveau avec fierté.",
        ],
    ),
    e(
        "la Leçon de la magicienne du temps",
        "en haut de la colline où vivait la magicienne du temps",
        &[
            "La magicienne du temps se faisait vieille et cherchait quelqu'un à qui tout apprendre, et c'est {N} qu'elle choisit. || La magicienne sourit et dit : « Désormais, le temps qu'il fait t'écoutera », et elle offrit à {N} un petit nuage rien qu'à soi.",
            "Les nuages s'étaient embrouillés : il neigeait sur les fleurs et il pleuvait sur les bonshommes de neige. || Bientôt, la neige retourna sur les bonshommes, la pluie sur les fleurs, et tout fut juste comme il faut.",
            "En haut de la colline, il y avait une girouette qui parlait, et aujourd'hui, elle avait un message important. || Le message était simple : « Demain, il fera {r:beau|joli} », et tout le village applaudit.",
        ],
        &[
            "La première leçon consistait à faire une brise légère, mais le premier essai fit un minuscule tourbillon plein de feuilles. || Le deuxième essai fit une brise si douce qu'elle aurait pu bercer un oisillon.",
            "Un petit nuage était trop timide pour pleuvoir, et le jardin assoiffé attendait. || Le petit nuage fit tomber la pluie la plus douce, et chaque fleur du jardin releva la tête.",
            "Pour faire un arc-en-ciel, il fallait un peu de soleil, un peu de pluie et beaucoup de patience. || L'arc-en-ciel s'étira au-dessus de la colline, et son bout se posa juste à leurs pieds.",
        ],
    ),
    e(
        "les Murmures des animaux",
        "dans une clairière ensoleillée pleine d'animaux",
        &[
            "Un matin, {N} se réveilla et découvrit que chaque mot des animaux devenait compréhensible. || Le soir venu, {N} avait tant d'{r:amis|copains} animaux qu'ils vinrent tous dire bonne nuit.",
            "Une vieille tortue sage proposa d'apprendre à {N} la langue des animaux de la forêt. || La tortue hocha lentement la tête et dit que {N} avait appris le mot le plus important de tous : « ami ».",
            "Les animaux de la clairière avaient un problème, et ils avaient besoin de quelqu'un qui sache écouter. || Parce que quelqu'un les avait écoutés, les animaux trouvèrent leur propre solution, et la clairière redevint paisible.",
        ],
        &[
            "Les lapins et les écureuils n'arrivaient pas à décider à qui revenait le coin ensoleillé. || Ils décidèrent de partager : les lapins le matin, les écureuils l'après-midi, et tout le monde ensemble à l'heure du goûter.",
            "Un petit rouge-gorge avait quelque chose d'important à dire, mais il ne savait que le chanter. || La chanson du rouge-gorge voulait dire : « Mes œufs ont éclos ! », et tout le monde alla voir les minuscules oisillons.",
            "Les grenouilles voulaient donner un concert, mais elles ne s'entendaient pas sur la chanson. || Elles chantèrent toutes les chansons, l'une après l'autre, et ce fut le concert le plus long et le plus joyeux que l'étang ait jamais entendu.",
        ],
    ),
    e(
        "le Pays des rêves",
        "au pays des rêves, où des îles flottent parmi de douces lunes",
        &[
            "Dès que {N} ferma les yeux, une barque de plumes vint l'emporter au pays des rêves. || La barque de plumes ramena {N} à la maison, en descendant aussi doucement qu'une feuille qui tombe.",
            "Au pays des rêves, le marchand de sable avait perdu son sac de sable doré, et personne ne pouvait s'endormir. || Le marchand de sable retrouva son sable doré et en saupoudra un peu sur chacun, et tout le pays bâilla de bonheur.",
            "{N} rêva d'un escalier de nuages, et tout en haut, {C} attendait avec une lanterne. || En haut de l'escalier, la lanterne montra le {r:chemin|sentier} du plus doux de tous les rêves.",
        ],
        &[
            "L'île en barbe à papa s'éloignait en flottant, et les enfants du rêve voulaient aller y jouer. || Une corde d'arc-en-ciel ramena l'île, et tout le monde y joua jusqu'à l'heure du repos.",
            "Un gentil géant des rêves restait assis sans bouger, car il avait oublié la fin de sa berceuse préférée. || Ils fredonnèrent la berceuse ensemble jusqu'à ce que le géant s'en souvienne, et il la chanta si doucement que les étoiles se balancèrent.",
            "Les étoiles s'étaient mélangées et écrivaient des mots rigolos dans le ciel des rêves. || Ils remirent les étoiles en place, une à une, jusqu'à ce que le ciel écrive « bonne nuit ».",
        ],
    ),
];
