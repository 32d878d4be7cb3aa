//! Italian words for the 20 built-in events: title, place, situations (setup || payoff) and
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
        "il Sentiero della Luna",
        "sul sentiero della luna, dietro la casetta",
        &[
            "Quella sera, al cancello del giardino apparve una scia di lucciole, e {N} e {C} decisero di seguirla prima di andare a letto. || Alla fine della scia, le lucciole ballarono un ultimo ballo solo per loro e poi volarono nei loro lettini di muschio.",
            "La luna si affacciò e {r:sussurrò|mormorò} che una stellina assonnata si era persa e aveva bisogno di aiuto per tornare in cielo. || Con una spinta leggera e una buonanotte sussurrata, la stellina tornò al suo posto nel cielo e brillò per dire grazie.",
            "Poco prima di dormire, {N} si accorse che il {r:sentiero|cammino} d'argento della luna attraversava il giardino e saliva sulla collina. || In cima alla collina la luna sorrise loro, e capirono di aver trovato il posto più tranquillo del mondo.",
        ],
        &[
            "Vicino a una vecchia quercia, un gufetto si sforzava tantissimo di restare sveglio per il suo primo volo notturno. || Il gufetto aprì le ali, fece un {r:felice|contento} uh-uh e volò intorno alla quercia per la prima volta.",
            "Sulla collina trovarono dei fiori di luna che si erano dimenticati come si fa ad aprirsi. || Uno dopo l'altro, i fiori di luna aprirono i petali d'argento e riempirono l'aria di un profumo dolce e sonnolento.",
            "Il {r:sentiero|cammino} della luna attraversava uno stagno così immobile che nessuno sapeva dove fossero i sassi per passare. || Allora la luna brillò un po' più forte, e i sassi apparvero come una fila di bottoni lucenti.",
            "Un piccolo riccio si era appallottolato in mezzo al sentiero e non ricordava più dove fosse il suo letto di foglie. || Accompagnarono il riccio fino alla siepe, dove lo aspettava un mucchietto di foglie tiepide, e lui ci si accoccolò con un minuscolo sbadiglio.",
            "Il vento della sera aveva scosso il filo del bucato, e una copertina era rimasta impigliata tra i rami del melo. || La copertina scese morbida e asciutta, la piegarono con cura e la lasciarono sulla veranda per il mattino dopo.",
            "Vicino al ruscello le rane cantavano la loro canzone della sera, ma una ranocchietta aveva perso la melodia. || Canticchiarono la melodia insieme, piano piano, finché la ranocchietta non la ritrovò e tutto lo stagno cantò in coro.",
            "Una nuvola assonnata era scesa così in basso da coprire la luna, e il sentiero aveva perso il suo riflesso d'argento. || La nuvola fece un lungo sospiro leggero, risalì sopra le cime degli alberi, e la luce della luna tornò a posarsi sul sentiero.",
            "Una lucciola minuscola sospirava su una felce, perché la sua luce era diventata troppo debole per guidare i coleotteri fino a casa. || La luce della lucciola tornò calda e chiara, e una fila di coleotteri la seguì pian piano fino ai loro lettini.",
        ],
    ),
    e(
        "il Giorno di Scuola più Bello",
        "nella piccola scuola dalla porta rossa",
        &[
            "Era un giorno di scuola, e la maestra aveva promesso una sorpresa speciale dopo pranzo. || La sorpresa era un picnic sotto il melo, e tutti furono d'accordo: era il giorno di scuola più bello di sempre.",
            "Andando a scuola, {N} e {C} trovarono un portamerenda smarrito con un'etichetta che diceva «Mo». || Mo abbracciò il portamerenda e divise le sue fragole, e da quel giorno Mo fu loro amico.",
            "Oggi la classe doveva piantare un orto, e ognuno aveva portato un seme da casa. || Alla fine della giornata, venti semini dormivano nella terra, e tutta la classe {r:sussurrò|mormorò}: «Crescete bene».",
        ],
        &[
            "Durante l'ora di disegno, un compagno nuovo stava seduto in un angolo senza disegnare niente. || Presto il compagno nuovo disegnava ridendo un elefante viola, e il disegno finì appeso al muro.",
            "Durante la ricreazione, la palla rotolò sotto il grande scivolo, e nessuno riusciva a prenderla. || Con un bastone lungo e un po' di lavoro di squadra, la palla rotolò fuori, e il gioco continuò.",
            "Nell'angolo della lettura, le pagine del libro preferito si erano staccate ed erano sparse dappertutto. || Rimisero le pagine in ordine, le legarono con un nastro, e la storia tornò intera.",
            "Il criceto della classe aveva spinto la sua porticina, e quando suonò la campanella non si trovava più. || Trovarono il criceto addormentato nella pantofola della maestra, e tornò nella sua gabbietta con uno squittio assonnato.",
            "Nell'angolo della musica, lo xilofono aveva perso uno dei suoi tasti, e la canzone della classe suonava stonata. || Il tasto perduto era sotto il pianoforte, e quando tornò al suo posto tutta la classe cantò la canzone dall'inizio alla fine.",
            "All'ora di pranzo, un compagno rovesciò il suo succo sul disegno e sembrava sul punto di piangere. || Asciugarono il disegno a piccoli colpetti, dipinsero un sole azzurro dove era caduto il succo, e diventò il disegno più bello della parete.",
            "La classe costruiva una torre di cubetti di legno, ma la torre traballava e cadeva di continuo. || Misero i cubetti più grandi in basso, e la torre rimase dritta e salda fino alla fine della giornata.",
            "Durante il dettato, un'amica si bloccava sempre su una parola lunga e difficile. || Batterono le mani per dividere la parola in pezzettini, e presto l'amica sapeva scriverla più in fretta di tutti.",
        ],
    ),
    e(
        "la Sorpresa di Compleanno",
        "in un giardino pieno di palloncini e festoni",
        &[
            "Era un giorno di compleanno, e {C} sussurrava piani segreti fin dal mattino. || Il piano segreto era una canzone a sorpresa, e tutti la cantarono così bene che il compleanno sembrò un abbraccio.",
            "Oggi c'era una festa di compleanno, e la torta era quasi pronta, ma le candeline erano sparite. || Le candeline erano nel barattolo della farina, e quando furono accese, tutti espressero un desiderio insieme.",
            "Tutti gli amici erano invitati a un picnic di compleanno, e {N} voleva che ogni invitato si sentisse speciale. || Alla fine della festa, ogni invitato aveva una corona di carta e un sorriso, proprio come {N} aveva sperato.",
        ],
        &[
            "Un palloncino sfuggì e salì verso le nuvole, con un bigliettino ancora legato al filo. || Una brezza gentile fece dietrofront e riportò il palloncino {r:con dolcezza|dolcemente}, bigliettino compreso.",
            "I giochi erano pronti, ma un piccolo invitato era troppo timido per partecipare. || Presto l'invitato timido rideva più forte di tutti e chiedeva di giocare ancora una volta.",
            "Quando arrivò la torta, c'erano più invitati che fette. || Tagliarono ogni fetta a metà, e i pezzetti sembrarono ancora più dolci.",
            "Il festone di compleanno si era staccato da una parte e pendeva come una bandiera addormentata. || Riappesero il festone, bello dritto e allegro, e ogni lettera sembrò sorridere.",
            "Il regalo era pronto, ma in tutta la casa non c'era più un solo foglio di carta da regalo. || Incartarono il regalo in un foglio pieno di disegni, lo legarono con una catenella di margherite, e fu il regalo più ammirato di tutti.",
            "Una folata di vento portò via i tovaglioli di carta sul prato, come uno stormo di uccellini bianchi. || Rincorsero i tovaglioli ridendo, e tutti, nessuno escluso, tornarono sulla tavola.",
            "La canzone di compleanno cominciò, ma ognuno partì da una nota diversa, e veniva fuori proprio buffa. || Ricominciarono piano, tutti insieme, e questa volta la canzone fu così dolce che perfino gli uccellini si fermarono ad ascoltare.",
            "Il grande budino tremolava così tanto che sembrava sul punto di scivolare dal piatto prima di arrivare in giardino. || Lo portarono insieme, piano piano, un passo alla volta, e il budino arrivò tremolante ma intero, tra gli applausi.",
        ],
    ),
    e(
        "la Grande Spedizione del Fine Settimana",
        "tra le colline verdi ai margini del paese",
        &[
            "Era sabato, e {N} e {C} prepararono uno zaino con panini, una mappa e una lente d'ingrandimento. || Mangiarono i panini sulla collina più alta e furono d'accordo che esplorare è più bello in due.",
            "Era arrivato il fine settimana, e con lui una vecchia mappa che mostrava un posto chiamato il Prato che Sussurra. || Il Prato che Sussurra esisteva davvero, e l'erba sussurrava davvero: «Benvenuti, esploratori».",
            "Il sabato mattina, {N} decise che era il giorno giusto per scoprire dove nasceva il ruscello. || Il ruscello nasceva da una sorgente minuscola sotto un sasso coperto di muschio, e gorgogliava come una risatina.",
        ],
        &[
            "Trovarono un albero cavo con una porticina, e qualcuno aveva lasciato un biglietto: «Per favore, bussate piano». || Una famiglia di topolini aprì la porta e li invitò a sbirciare nella loro casetta accogliente.",
            "La mappa mostrava una grande X vicino a una roccia a forma di gatto addormentato, ma di rocce ce n'erano tante. || La roccia giusta aveva perfino i baffi d'erba, e sotto c'era una scatola di latta piena di bottoni lucenti.",
            "In cima alla collina il vento soffiava così forte che la mappa quasi volò via. || Piegarono la mappa in un quadratino e la misero al sicuro nello zaino.",
            "Un ponticello di legno attraversava il ruscello, ma una delle sue assi si era spostata di traverso. || Rimisero dritta l'asse, la provarono con un passo prudente e passarono dall'altra parte senza nessuna fatica.",
            "In una radura, una mamma coniglio cercava di contare i suoi piccoli, ma i piccoli non stavano fermi un momento. || Giocarono a mettersi in fila, e la mamma coniglio contò sette codine soffici: non ne mancava nemmeno una.",
            "Il sentiero si divideva in due, e il vento aveva girato il cartello dalla parte sbagliata. || Guardarono il sole, si ricordarono della mappa e rimisero il cartello nel verso giusto per i prossimi esploratori.",
            "Un grosso scarabeo si era rovesciato sulla schiena tra i sassolini e non riusciva a girarsi. || Con la punta di una foglia aiutarono lo scarabeo a rimettersi in piedi, e lui se ne andò brillando come un piccolo gioiello verde.",
            "Su una pietra grigia e piatta notarono una cosa curiosa: la forma di una conchiglia impressa nella roccia. || Era un fossile antichissimo, e lo lasciarono al suo posto perché anche i prossimi esploratori potessero ammirarlo.",
            "Uno scoiattolo aveva fatto cadere le sue ghiande su tutto il sentiero e squittiva tutto agitato. || Raccolsero le ghiande in un bel mucchietto ordinato ai piedi del suo albero, e lo scoiattolo squittì un allegro grazie.",
        ],
    ),
    e(
        "la Magia di un Giorno di Pioggia",
        "in una casa accogliente mentre la pioggia picchiettava sui vetri",
        &[
            "Pioveva tutto il giorno, così {N} e {C} decisero di costruire la capanna di coperte più grande che il salotto avesse mai visto. || Quando la capanna fu finita, era così accogliente che la pioggia fuori sembrava una ninna nanna.",
            "Pioveva troppo per giocare fuori, ma {N} notò che le gocce sul vetro facevano a gara. || Fecero il tifo per le gocce tutto il pomeriggio, e alla fine ogni goccia aveva vinto una gara.",
            "Quel pomeriggio di pioggia, {N} trovò in soffitta una scatola con scritto «Per un giorno di pioggia». || Nella scatola c'era un regno di cartone, e ci giocarono finché non smise di piovere.",
        ],
        &[
            "Nella capanna volevano aprire un caffè per finta, ma non c'erano sedie. || I cuscini diventarono sedie perfette, e il caffè servì tè per finta a tutti i peluche di casa.",
            "Una pozzanghera sotto la finestra rifletteva un arcobaleno, e {N} voleva sapere dove cominciava. || Scoprirono che gli arcobaleni nascono dove il sole e le gocce di pioggia si incontrano, ed è una specie di magia.",
            "I colori nella vecchia scatola si erano seccati e non funzionavano più. || Qualche goccia d'acqua risvegliò i colori, e {r:presto|ben presto} la finestra fu piena di fiori dipinti.",
            "La pioggia rendeva il gatto troppo irrequieto per fare il pisolino, e continuava a rincorrere le gocce sul vetro. || Gli diedero un gomitolo di lana e una scatola di cartone in cui nascondersi, e presto il gatto faceva le fusa nella scatola, profondamente addormentato.",
            "Gli stivali pieni di fango avevano lasciato una scia di impronte lungo tutto il corridoio. || Trasformarono le pulizie in un gioco della campana con gli strofinacci, e presto il pavimento del corridoio tornò a brillare.",
            "Volevano finire il grande puzzle, ma mancava l'ultimo pezzo di cielo. || Il pezzo perduto era sotto il divano, accanto a una biglia smarrita e a un pastello, e finalmente il cielo fu completo.",
            "Volevano preparare dei biscotti, ma la pioggia entrata da una finestra aperta aveva schizzato la ricetta e sbiadito metà delle parole. || Indovinarono insieme le parole mancanti, e i biscotti vennero un po' storti e buonissimi.",
            "Piegarono una barchetta di carta per la grande pozzanghera davanti alla porta, ma si inzuppò subito. || Piegarono una seconda barchetta con una carta più spessa, e attraversò la pozzanghera dondolando fino all'altra sponda.",
            "Le piante sul davanzale sembravano afflosciate e pallide, perché la giornata grigia aveva nascosto il sole. || Spostarono le piante nel punto più luminoso della stanza e diedero a ognuna un sorso d'acqua, e a sera le foglie si erano rialzate.",
            "Il cesto della lana della nonna si era rovesciato, e tutti i gomitoli si erano ingarbugliati in un grande nodo di lana. || Sciolsero il nodo filo per filo e avvolsero ogni colore nel suo gomitolo ordinato, e la nonna batté le mani.",
            "Volevano fare uno spettacolo di burattini, ma i burattini non avevano un palcoscenico. || Un tavolo rovesciato e uno strofinaccio diventarono un palcoscenico perfetto, e i burattini fecero l'inchino a un pubblico di orsacchiotti.",
            "La pioggia gocciolava dalla grondaia con un tic-tac da orologio, e il pomeriggio sembrava lunghissimo. || Inventarono una canzone al ritmo delle gocce, e il pomeriggio passò veloce come una melodia.",
            "Il baule dei travestimenti era pieno, ma ogni cappello era troppo grande e ogni cappotto troppo lungo. || Arrotolarono le maniche, imbottirono i cappelli con le sciarpe e fecero una grande sfilata lungo tutto il corridoio.",
            "Al trenino giocattolo erano finiti i binari a metà del tappeto. || Costruirono il resto dei binari con libri e righelli, e il trenino sferragliò fino alla stazione del divano.",
            "Il vetro della finestra si era appannato, e nessuno riusciva più a vedere il giardino. || Disegnarono un sole sorridente sul vetro appannato, e attraverso la faccia tonda del sole il giardino tornò a sbirciarli.",
            "Un orsacchiotto del cuore aveva un orecchio scucito che gli ricadeva tristemente su un occhio. || Con ago, filo e l'aiuto di un grande, l'orecchio fu ricucito, e l'orsacchiotto sembrava pronto a tutto.",
            "Volevano giocare al negozio, ma nella cassa per finta non c'erano soldi. || Ritagliarono delle monete di carta gialla e disegnarono una faccina sorridente su ognuna, e il negozio aprì subito.",
            "La giornata di pioggia rendeva la cucina così fresca che l'impasto del pane non lievitava. || Coprirono la ciotola con uno strofinaccio tiepido vicino al termosifone, e un'ora dopo l'impasto si era gonfiato come una nuvola.",
        ],
    ),
    e(
        "il Picnic in Famiglia",
        "nella casetta calda dove viveva tutta la famiglia",
        &[
            "Oggi tutta la famiglia era riunita, e avevano organizzato un picnic in giardino e poi le storie. || Il picnic fu così bello che tutti decisero di rifarlo ogni settimana.",
            "La nonna era venuta a trovarli e aveva portato una vecchia ricetta della torta al miele più soffice del mondo. || La torta al miele uscì dorata e soffice, e la nonna disse che era la più buona mai fatta.",
            "Era il giorno della famiglia, e ognuno aveva un compito, dal più grande al più piccolo. || La sera tutti i compiti erano fatti, e la famiglia si sedette insieme sul divano, stanca e {r:felice|contento}.",
        ],
        &[
            "Gli occhiali del nonno erano spariti, e senza di loro non poteva leggere la storia della buonanotte. || Gli occhiali erano sulla testa del nonno fin dall'inizio, e tutti risero fino a farsi venire il mal di pancia.",
            "La torta al miele voleva tre uova, e nel cestino ce n'erano solo due. || La vicina aveva un uovo in più, e in cambio ebbe la prima fetta di torta.",
            "Il cuginetto piccolo non voleva calmarsi finché qualcuno non avesse trovato la canzone giusta. || La canzone giusta era una piano piano, e il bimbo si addormentò con un sorriso.",
            "L'album delle foto di famiglia si era sfasciato, e tutte le foto erano mescolate. || Rimisero in ordine le foto, dalla più vecchia alla più nuova, ridendo dei cappelli buffi in ognuna.",
            "Ognuno voleva fare un gioco diverso, e nessuno riusciva a decidersi. || Misero il nome di ogni gioco in un cappello, e il primo estratto fu proprio quello che piaceva di più a tutti.",
            "Papà cercava di piegare da solo un grande lenzuolo, e il lenzuolo sventolava come una vela. || Con un angolo in ogni paio di mani, il lenzuolo fu piegato in un attimo, ordinato come una lettera.",
            "Il vecchio cane di famiglia voleva unirsi al gioco, ma le sue zampe erano stanche e lente. || Fecero un gioco tranquillo e lento tutto per lui, e il vecchio cane scodinzolò come se avesse vinto un premio.",
            "Era ora di preparare la cena tutti insieme, ma la minestra non sapeva quasi di niente. || Un pizzico di sale, un rametto di prezzemolo e tante girate di cucchiaio dopo, la minestra sapeva di abbraccio caldo.",
        ],
    ),
    e(
        "un Nuovo Amico",
        "nel parco della grande quercia",
        &[
            "Al parco c'era un bambino che nessuno aveva mai visto, fermo in silenzio vicino alle altalene. || Alla fine del pomeriggio il bambino nuovo aveva un nome, Ada, e due amici nuovi di zecca.",
            "Una famiglia nuova si era trasferita nella casa accanto, e {N} voleva andare a salutare. || La sera i nuovi vicini salutarono dalla finestra, e {N} capì che era l'inizio di qualcosa di bello.",
            "Quella mattina {N} aveva fatto una promessa: oggi ci sarebbe stato un amico nuovo. || E la promessa fu mantenuta, perché un amico aspettava proprio dietro l'angolo.",
        ],
        &[
            "Il bambino nuovo conosceva solo poche parole della stessa lingua, ma aveva un sorriso enorme. || Scoprirono che i giochi, i sorrisi e i batti cinque non hanno bisogno di parole.",
            "Due bambini volevano la stessa altalena, e nessuno dei due voleva aspettare. || Contarono a turno fino a venti, e {r:presto|ben presto} a nessuno importò più di aspettare.",
            "Il nuovo amico aveva un aquilone, ma si era impigliato tra i rami della quercia. || L'aquilone si liberò con un tiretto gentile e volò più in alto che mai, portandosi dietro i sorrisi di tutti.",
            "Un bambino costruiva un castello di sabbia tutto da solo nella sabbiera, troppo timido per chiedere aiuto. || Si offrirono di portare l'acqua per il fossato, e presto tre amici costruivano il castello più alto che la sabbiera avesse mai visto.",
            "Due bambini avevano disegnato ciascuno un drago col gesso sul marciapiede, e ognuno diceva che il suo era il più bello. || Disegnarono un ponte di gesso tra i due draghi, e i due bambini scoppiarono a ridere e disegnarono un castello da dividere.",
            "Il cucciolo del nuovo amico era timido e si nascondeva dietro la panchina appena qualcuno si avvicinava. || Rimasero fermi fermi con una mano aperta, e dopo un po' il cucciolo uscì, la annusò e scodinzolò.",
            "Al tavolo del picnic, un bambino mangiava dei ravioli che nessuno conosceva e temeva di sembrare diverso. || Il bambino divise i suoi ravioli e raccontò come li preparava la nonna, e tutti furono d'accordo che i nuovi amici portano nuovi sapori.",
            "Un gruppo di bambini voleva giocare a nascondino, ma mancava un giocatore. || Invitarono la bambina silenziosa seduta sulla panchina, e venne fuori che conosceva i nascondigli più belli di tutti.",
        ],
    ),
    e(
        "Qualcosa di Nuovo",
        "nella piccola biblioteca con il giardino sul tetto",
        &[
            "Oggi {N} voleva imparare qualcosa di nuovo: andare in bicicletta senza rotelle. || Al tramonto {N} faceva giri un po' traballanti, poi linee dritte, e {C} applaudiva ogni volta.",
            "La bibliotecaria mostrò a {N} un libro sulle stelle e propose di impararne i nomi. || Quella sera {N} sapeva indicare il Grande Carro e la Stella Polare e dire i loro nomi ad alta voce.",
            "{N} aveva deciso di imparare una melodia su un piccolo flauto di legno. || La sera {N} suonò tutta la melodia per la famiglia, e nemmeno una nota stonò.",
        ],
        &[
            "Il primo tentativo non andò come previsto, e anche il secondo fu un po' traballante. || Il terzo tentativo andò meglio, e il quarto fu il migliore di tutti.",
            "Il libro era pieno di parole nuove, e alcune erano lunghissime. || Divisero le parole lunghe in pezzetti, e ogni pezzetto era facile.",
            "La melodia aveva una nota difficile che usciva sempre come uno squittio. || Con un soffio leggero invece che forte, la nota difficile uscì rotonda e chiara.",
            "I ferri da maglia continuavano a scivolare, e il primo giro di punti si disfaceva ancora e ancora. || Piano piano, un'asola dopo l'altra, il giro tenne, e a sera c'era una sciarpina minuscola per un orsacchiotto.",
            "La gru di carta del libro richiedeva venti pieghe, e una di queste non aveva proprio senso. || Girarono il foglio, riprovarono ancora una volta, e una piccola gru di carta si posò sul tavolo con le ali aperte.",
            "Imparare a fischiare era più difficile del previsto, e usciva solo aria. || Dopo tanti tentativi e tante risate, volò fuori un fischio piccolo e limpido, come un uccellino che dice ciao.",
            "Per allacciare le scarpe bisognava fare due anelli, e gli anelli continuavano a sfuggire. || Il trucco delle orecchie da coniglio funzionò: un anello, due anelli, un saltello nel buco, e il fiocco tenne stretto.",
            "Contare fino a cento era un lungo viaggio, e da qualche parte dopo il sessanta i numeri si ingarbugliavano. || Prima contarono di dieci in dieci, come su dei sassi nel ruscello, e poi tutta la strada fino a cento sembrò facile.",
        ],
    ),
    e(
        "la Giornata dell'Aiuto",
        "nel paese dai comignoli storti",
        &[
            "L'orto della signora Mora era pieno di erbacce, e lei era troppo stanca per toglierle tutte. || All'ora della merenda l'orto era in ordine, e la signora Mora offrì a tutti una tazza di cioccolata calda per dire grazie.",
            "Il paese si preparava per la festa, e tutti avevano bisogno di un paio di mani in più. || Quando si accesero le luci della festa, tutti sapevano che tante piccole mani l'avevano resa possibile.",
            "Un anatroccolo aveva perso la sua famiglia, e {N} e {C} decisero di aiutarlo a ritrovarla. || La mamma anatra starnazzò di gioia, e tutta la famiglia di anatre sfilò davanti a loro come per ringraziare.",
        ],
        &[
            "La carriola era piena di vasi di fiori, e una delle ruote si era allentata. || Un giro e un colpetto, e la ruota tornò al suo posto; i vasi arrivarono sani e salvi al mercato.",
            "Il fornaio si era un po' scottato le dita e non riusciva a impastare il pane della festa. || Piccole mani impastarono la pasta, e il pane uscì dal forno tondo e dorato.",
            "La famiglia dell'anatroccolo aveva nuotato fino all'altra riva dello stagno. || Accompagnarono l'anatroccolo intorno allo stagno, e {r:presto|ben presto} vide la sua famiglia che lo aspettava tra le canne.",
            "Il gatto del vecchio signor Pepe era salito sul capanno del giardino e non voleva scendere per la cena. || Scossero piano la sua ciotola e aspettarono con pazienza, e alla fine il gatto saltò giù e trotterellò verso la sua cena.",
            "In biblioteca c'era una grossa pila di libri restituiti, e la bibliotecaria non riusciva a rimetterli tutti a posto prima della chiusura. || Divisero i libri per lettera e li portarono scaffale per scaffale, e ogni libro tornò al suo posto prima che si spegnessero le luci.",
            "A una bambina era caduto il sacchetto delle biglie, e le biglie erano rotolate per tutta la piazza. || Cercarono e contarono finché non ritrovarono ogni biglia, persino quella blu nascosta in un vaso di fiori.",
            "Il bucato della vicina era ancora steso, e stavano arrivando grosse nuvole grigie. || Staccarono le mollette, piegarono il bucato nella cesta, e le prime gocce caddero proprio mentre la porta della vicina si chiudeva.",
            "L'orto della scuola aveva sete, e l'annaffiatoio era troppo pesante per una persona sola. || Portarono l'annaffiatoio in due, una mano ciascuno sul manico, e ogni lattuga e ogni fagiolino ebbe un bel sorso d'acqua.",
        ],
    ),
    e(
        "le Luci delle Feste",
        "nel paese innevato illuminato dalle lanterne",
        &[
            "Erano le feste, e tutto il paese appendeva lanterne e nastri a ogni porta. || Quando l'ultima lanterna fu accesa, il paese brillò come un barattolo pieno di stelle.",
            "Durante la notte era nevicato, e in piazza apriva il mercatino delle feste. || Al mercatino divisero le castagne calde con tutti quelli che incontravano, e la neve luccicava intorno a loro.",
            "Per le feste {N} voleva fare un regalo a ogni amico, ma nel salvadanaio non c'era nemmeno una moneta. || {N} fece regali con stelle di carta e parole gentili, e furono i regali più amati di tutti.",
        ],
        &[
            "La grande stella in cima all'albero era scivolata e ora era incastrata in un mucchio di neve. || Spolverarono la stella, che tornò in cima all'albero più luminosa di prima.",
            "Le lanterne non restavano accese, perché il vento spegneva di continuo le fiammelle. || Costruirono un muretto di neve per riparare le lanterne, e ogni fiamma restò dritta e luminosa.",
            "Su una panchina della piazza, un signore anziano aveva perso le muffole, e le sue mani avevano freddo. || Le muffole erano sotto la panchina, e il signore insegnò loro una canzone delle feste per ringraziare.",
        ],
    ),
    e(
        "il Bosco Incantato",
        "in un bosco incantato dove i funghi brillavano",
        &[
            "Nel cuore del bosco, l'albero più vecchio aveva smesso di cantare, e tutti gli animali erano preoccupati. || Quando il vecchio albero ricominciò a cantare, ogni foglia del bosco si unì alla sua canzone.",
            "Una foglia d'argento scese fluttuando e si posò nella mano di {N}, e sopra c'era scritto: «Vieni, per favore». || La foglia l'avevano mandata le fate del bosco, che volevano ringraziare {N} per essere un così buon amico degli alberi.",
            "Le fate del bosco avevano perso la loro lanterna, e senza di essa non trovavano la strada per la loro festa. || La lanterna delle fate tornò a brillare, e la festa durò finché la luna fu alta nel cielo.",
        ],
        &[
            "Un {r:sentiero|cammino} di funghi luminosi portava a una radura dove tutti i fiori erano chiusi. || I fiori si aprirono, un petalo alla volta, e la radura brillò di tutti i colori dell'arcobaleno.",
            "Una famiglia di ricci doveva attraversare un ruscelletto, ma le loro zampette erano troppo corte. || Un ponte di corteccia portò i ricci dall'altra parte, dove si arrotolarono in felici palline.",
            "Il vecchio albero saggio fece un indovinello: «Che cosa diventa più grande quanto più lo regali?». || «La gentilezza!», risposero, e il vecchio albero fece frusciare le foglie di gioia.",
        ],
    ),
    e(
        "il Drago Amico",
        "tra le dolci montagne verdi dove i draghi fanno il pisolino",
        &[
            "In cima alle montagne viveva un draghetto che non sputava fuoco, ma solo bolle tiepide che facevano il solletico. || Il draghetto imparò che le bolle sono un regalo {r:meraviglioso|bellissimo}, e tutti adorarono giocarci.",
            "Un giorno un draghetto atterrò nel prato con un bel tonfo e un sorriso molto imbarazzato. || Finalmente il draghetto poté tornare a casa, facendo una capriola {r:felice|contento} sopra le loro teste.",
            "I bambini del paese si erano sempre chiesti da dove venisse il dolce brontolio delle montagne, e oggi {N} lo scoprì: era un drago che russava. || Il drago assonnato si svegliò, fece uno sbadiglio tiepido che profumava di cannella e diventò loro amico per sempre.",
        ],
        &[
            "Il draghetto voleva volare fino alla grotta della sua famiglia, ma il vento lo faceva traballare. || Con un po' di pratica e tanti incoraggiamenti, il draghetto volò dritto e sicuro.",
            "Il drago aveva una spina nella zampa ed era troppo timido per chiedere aiuto. || La spina uscì piano piano, e il drago fece le fusa come un gattone gigante.",
            "Gli altri draghi facevano una gara di bolle, e il draghetto era troppo emozionato per provarci. || Il draghetto soffiò la bolla più grande e lucente della giornata, e tutti applaudirono.",
        ],
    ),
    e(
        "il Tesoro Sottomarino",
        "in una barriera corallina luminosa piena di pesci colorati",
        &[
            "Una bolla che portava una mappa minuscola salì in superficie e scoppiò proprio davanti al naso di {N}. || La mappa portava a uno scrigno pieno di conchiglie lucenti, e le divisero con tutti i pesci della barriera.",
            "Sotto le onde, i pesci cercavano uno scrigno del tesoro perduto da cento anni. || Finalmente il vecchio scrigno fu ritrovato, e dentro c'era il tesoro preferito della barriera: una canzone che tutti i pesci sapevano cantare.",
            "Una vecchia balena gentile parlò a {N} di uno scrigno di perle lucenti nascosto nel giardino di corallo. || Portarono le perle alla vecchia balena, che le appese nell'acqua come una collana di piccole lune.",
        ],
        &[
            "Un polpo timido si era nascosto nel corallo, e teneva un pezzo della mappa. || Il polpo uscì, salutò con tutti e otto i tentacoli e si unì alla ricerca.",
            "Lo scrigno era incastrato sotto una stella marina pesante e assonnata che non voleva muoversi. || La stella marina si girò sbadigliando, e lo scrigno fu libero.",
            "Una corrente li portò {r:dolcemente|con dolcezza} in una grotta, e non vedevano più l'uscita. || Meduse luminose rischiararono il passaggio come lampadine, e l'uscita fu facile da trovare.",
        ],
    ),
    e(
        "il Castello delle Nuvole",
        "in un castello di nuvole, in alto sopra il mondo",
        &[
            "In giardino apparve una scala di nuvola, e in cima c'era un castello bianco come la panna montata. || Il re delle nuvole li invitò a un banchetto di gelatina di gocce di pioggia, e tornarono a casa su una nuvoletta morbida.",
            "Il re delle nuvole aveva perso la sua corona arcobaleno, e senza di essa la pioggia non trovava più i suoi colori. || Il re si rimise la corona, e l'acquazzone seguente lasciò l'arcobaleno più bello che si fosse mai visto.",
            "Una nuvola a forma di pecorella scese giù e offrì a {N} e {C} un passaggio fino al cielo. || La nuvola pecorella mostrò loro il mondo dall'alto, piccolo e tranquillo, prima di riportarli {r:dolcemente|con dolcezza} a casa.",
        ],
        &[
            "Il ponte tra due torri era fatto di foschia, e continuava a sfilacciarsi. || Intrecciarono la foschia con un raggio di sole, e il ponte tenne forte e luccicante.",
            "I cagnolini di nuvola saltavano così tanto che avevano fatto cadere qualcosa di importante da una finestra. || Il tesoro perduto era caduto in una nuvoletta proprio lì sotto, sano e salvo.",
            "Il vento soffiava un po' troppo forte, e il castello cominciò ad andare alla deriva verso le montagne. || Chiesero gentilmente al vento di soffiare dall'altra parte, e il castello tornò al suo posto.",
        ],
    ),
    e(
        "la Missione nel Tempo",
        "in un castello delle fiabe, tanto tanto tempo fa",
        &[
            "{N} trovò un vecchio orologio da taschino che andava all'indietro, e quando lo caricò, tutta la stanza {r:cominciò a|iniziò a} girare piano. || Con un altro giro di carica, la stanza girò piano dall'altra parte, e tornarono a casa giusto in tempo per cena.",
            "Un orologiaio gentile chiese aiuto a {N} e {C}: una pagina della storia si era macchiata, e bisognava rimetterla a posto. || La pagina della storia tornò chiara, e l'orologiaio regalò loro una chiavetta d'oro per ricordare quel giorno.",
            "Il grande orologio a pendolo del corridoio batté tredici rintocchi, e il suo sportello si aprì cigolando su una giornata di sole di tanto tempo fa. || Quando l'orologio batté mezzogiorno, lo sportello si riaprì sul corridoio di casa, come se il tempo non fosse passato.",
        ],
        &[
            "Nel cortile del castello, il fornaio reale aveva dimenticato come si fa il pane, e il banchetto era quella sera stessa. || Si ricordarono la ricetta tutti insieme, e l'intero castello profumò di pane caldo.",
            "Un giovane cavaliere aveva perso la chiave della biblioteca del castello, dove erano custodite tutte le storie. || La chiave pendeva dalla cintura del cavaliere stesso, e la porta della biblioteca si aprì con un clic allegro.",
            "Le lancette dell'orologio si erano aggrovigliate, e bisognava raddrizzarle prima del tramonto. || Piano piano le lancette si sciolsero, e l'orologio ricominciò a ticchettare allegro.",
        ],
    ),
    e(
        "il Viaggio tra le Stelle",
        "in un piccolo razzo d'argento tra le stelle scintillanti",
        &[
            "{N} e {C} costruirono un razzo con una scatola di cartone, e quella notte decollò davvero. || Il razzo atterrò piano in giardino e tornò a essere una semplice scatola, ma loro sapevano la verità.",
            "Una stellina cadde in giardino e chiese un passaggio per tornare a casa, nella Via Lattea. || La stellina tornò a casa scintillando, e da allora ogni notte faceva l'occhiolino alla finestra di {N}.",
            "La luna aveva mandato un invito: un picnic spaziale sugli anelli di un pianeta lontano. || Il picnic sugli anelli fu il più bello di tutto l'universo.",
        ],
        &[
            "Su un pianetino blu incontrarono un piccolo alieno timido che collezionava sassolini di luna. || L'alieno regalò loro un sassolino luminoso, e loro gli insegnarono a salutare con la mano.",
            "La mappa del razzo si ingarbugliò, e tutti i pianeti sembravano palloni da spiaggia. || Contarono gli anelli e le lune, e {r:presto|ben presto} seppero esattamente dove si trovavano.",
            "Una cometa sfrecciò accanto a loro con una scia di polvere scintillante e propose una gara. || Fu la gara più allegra della galassia, e vinsero tutti.",
        ],
    ),
    e(
        "il Mondo Minuscolo",
        "in un mondo minuscolo nascosto tra i fili d'erba",
        &[
            "{N} trovò una ghianda luminosa, e toccandola {g:diventò piccolo come una coccinella|diventò piccola come una coccinella|si rimpicciolì fino alla misura di una coccinella}. || Quando l'avventura finì, la ghianda brillò ancora una volta, e {N} tornò della misura giusta.",
            "Sotto le rose del giardino c'era un intero villaggio non più grande di una tazza da tè, e quella sera i suoi abitanti avevano bisogno di aiuto. || I minuscoli abitanti fecero una minuscola festa, con una musica così leggera che sembrava il battito d'ali di una falena.",
            "Un bombo si posò sul dito di {N} con un invito a visitare il regno minuscolo sotto il giardino. || Il bombo li riportò a casa sulla sua schiena pelosa, ronzando per tutto il viaggio.",
        ],
        &[
            "Una sola goccia di pioggia era grande come un pallone, ed era rotolata proprio davanti al cancello del villaggio. || Fecero rotolare la goccia dentro un fiore a forma di coppa, dove le api poterono bere.",
            "Le formiche costruivano un ponte, ma uno dei rametti era troppo pesante. || Spingendo tutti insieme, il rametto scivolò al suo posto, e le formiche applaudirono con vocine minuscole.",
            "La corona della regina minuscola era una goccia di rugiada, ed era rotolata sotto una foglia. || La corona di rugiada fu ritrovata, scintillante, e la regina tornò a indossarla con orgoglio.",
        ],
    ),
    e(
        "la Lezione della Maga del Tempo",
        "sulla collina dove viveva la maga del tempo",
        &[
            "La maga del tempo stava invecchiando e cercava qualcuno a cui insegnare tutto, e scelse {N}. || La maga sorrise e disse: «Da oggi il tempo ti ascolterà», e regalò a {N} una nuvoletta tutta per sé.",
            "Le nuvole si erano confuse: nevicava sui fiori e pioveva sui pupazzi di neve. || Presto la neve tornò sui pupazzi, la pioggia sui fiori, e tutto fu come doveva essere.",
            "In cima alla collina c'era una banderuola che parlava, e oggi aveva un messaggio importante. || Il messaggio era semplice: «Domani ci sarà il sole», e tutto il paese applaudì.",
        ],
        &[
            "La prima lezione era fare una brezza leggera, ma il primo tentativo fece un minuscolo mulinello pieno di foglie. || Il secondo tentativo fece una brezza così dolce che avrebbe potuto cullare un uccellino.",
            "Una nuvoletta era troppo timida per piovere, e l'orto assetato aspettava. || La nuvoletta fece cadere la pioggia più dolce, e ogni fiore dell'orto alzò la testa.",
            "Per fare un arcobaleno servivano un po' di sole, un po' di pioggia e tanta pazienza. || L'arcobaleno si inarcò sopra la collina, e la sua fine si posò proprio ai loro piedi.",
        ],
    ),
    e(
        "i Sussurri degli Animali",
        "in una radura assolata piena di animali",
        &[
            "Una mattina {N} si svegliò e scoprì di capire ogni parola degli animali. || La sera {N} aveva così tanti amici animali che vennero tutti a dare la buonanotte.",
            "Una vecchia tartaruga saggia si offrì di insegnare a {N} la lingua degli animali del bosco. || La tartaruga annuì lentamente e disse che {N} aveva imparato la parola più importante di tutte: «amico».",
            "Gli animali della radura avevano un problema, e avevano bisogno di qualcuno che sapesse ascoltare. || Siccome qualcuno li aveva ascoltati, gli animali trovarono la loro soluzione, e la radura tornò serena.",
        ],
        &[
            "I conigli e gli scoiattoli non riuscivano a mettersi d'accordo su chi dovesse usare l'angolo al sole. || Decisero di fare a turno: i conigli la mattina, gli scoiattoli il pomeriggio e tutti insieme all'ora della merenda.",
            "Un pettirosso aveva qualcosa di importante da dire, ma sapeva solo cantarlo. || La canzone del pettirosso voleva dire: «Le mie uova si sono schiuse!», e tutti andarono a vedere i minuscoli pulcini.",
            "Le rane volevano fare un concerto, ma non si mettevano d'accordo sulla canzone. || Cantarono tutte le canzoni, una dopo l'altra, e fu il concerto più lungo e {r:felice|contento} che lo stagno avesse mai sentito.",
        ],
    ),
    e(
        "il Paese dei Sogni",
        "nel paese dei sogni, dove le isole galleggiano tra lune morbide",
        &[
            "Appena {N} chiuse gli occhi, arrivò una barchetta di piume per portare {N} nel paese dei sogni. || La barchetta di piume riportò {N} a casa, scendendo leggera come una foglia che cade.",
            "Nel paese dei sogni, l'omino della sabbia aveva perso il suo sacchetto di sabbia d'oro, e nessuno riusciva ad addormentarsi. || L'omino ritrovò la sua sabbia d'oro e ne sparse un pizzico su ognuno, e tutto il paese sbadigliò {r:felice|contento}.",
            "{N} sognò una scala di nuvole, e in cima c'era {C} che aspettava con una lanterna. || In cima alla scala, la lanterna mostrò la strada verso il più dolce di tutti i sogni.",
        ],
        &[
            "L'isola di zucchero filato si stava allontanando, e i bambini dei sogni volevano andarci a giocare. || Una corda d'arcobaleno riportò indietro l'isola, e tutti ci giocarono fino all'ora del riposo.",
            "Un gigante buono dei sogni stava seduto in silenzio, perché aveva dimenticato la fine della sua ninna nanna preferita. || Canticchiarono la ninna nanna insieme finché il gigante se la ricordò, e la cantò così piano che le stelle dondolarono.",
            "Le stelle si erano mescolate e scrivevano parole buffe nel cielo dei sogni. || Rimisero le stelle al loro posto, una alla volta, finché il cielo scrisse «buonanotte».",
        ],
    ),
];
