//! The refusal messages, in the family's language: what was found and what to write instead.

use super::rules::Category;
use crate::Language;
use Category::*;
use Language::{De, En, Es, Fr, It};

/// A kind refusal in `language` naming what was found and what to write instead.
pub(super) fn message(language: Language, category: Category, words: &[&str]) -> String {
    let mut unique: Vec<&str> = Vec::new();
    for w in words {
        if !unique.contains(w) {
            unique.push(w);
        }
    }
    let found = unique
        .iter()
        .take(3)
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let idx = match category {
        Violence => 0,
        Weapons => 1,
        Fear => 2,
        Adult => 3,
        Unsafe => 4,
        SelfHarm => 5,
    };
    let (lead, tips): (&str, [&str; 6]) = match language {
        En => (
            "This story idea mentions {found}, which doesn't belong in a bedtime story. Please change it to",
            [
                "a friendly challenge instead, like a puzzle to solve, a race or something lost to find.",
                "a kind tool instead, like a lantern, a map or a magic wand.",
                "something curious rather than frightening, like a mysterious sound that turns out to be a friend.",
                "something a young child would enjoy, like a picnic, a game or a party with juice and cake.",
                "a safe adventure with a grown-up or a friend close by.",
                "a comforting moment with family or friends; if a child is struggling, please talk to someone you trust.",
            ],
        ),
        Fr => (
            "Cette idée d'histoire parle de {found}, ce qui n'a pas sa place dans une histoire du soir. Remplacez-le plutôt par",
            [
                "un défi amical, comme une énigme à résoudre, une course ou un objet perdu à retrouver.",
                "un objet bienveillant, comme une lanterne, une carte ou une baguette magique.",
                "quelque chose de curieux plutôt qu'effrayant, comme un bruit mystérieux qui se révèle être un ami.",
                "quelque chose qui plaît aux petits, comme un pique-nique, un jeu ou une fête avec du jus et du gâteau.",
                "une aventure sans danger, avec un adulte ou un ami tout près.",
                "un moment réconfortant en famille ou entre amis ; si un enfant va mal, parlez-en à une personne de confiance.",
            ],
        ),
        Es => (
            "Esta idea de cuento habla de {found}, y eso no encaja en un cuento para dormir. Cámbialo mejor por",
            [
                "un reto amistoso, como un acertijo, una carrera o algo perdido que encontrar.",
                "una herramienta amable, como un farolillo, un mapa o una varita mágica.",
                "algo curioso en lugar de aterrador, como un ruido misterioso que resulta ser un amigo.",
                "algo que disfrute un niño pequeño, como un pícnic, un juego o una fiesta con zumo y tarta.",
                "una aventura segura, con un adulto o un amigo cerca.",
                "un momento de consuelo en familia o con amigos; si un niño lo está pasando mal, habla con alguien de confianza.",
            ],
        ),
        De => (
            "Diese Geschichtenidee erwähnt {found}, und das passt nicht in eine Gute-Nacht-Geschichte. Ändere es bitte in",
            [
                "eine freundliche Herausforderung, etwa ein Rätsel, ein Wettrennen oder etwas Verlorenes, das gefunden werden will.",
                "ein freundliches Werkzeug, etwa eine Laterne, eine Landkarte oder einen Zauberstab.",
                "etwas Spannendes statt Beängstigendes, etwa ein geheimnisvolles Geräusch, hinter dem ein Freund steckt.",
                "etwas, das kleine Kinder mögen, etwa ein Picknick, ein Spiel oder ein Fest mit Saft und Kuchen.",
                "ein sicheres Abenteuer mit einem Erwachsenen oder einem Freund in der Nähe.",
                "einen tröstlichen Moment mit Familie oder Freunden; wenn es einem Kind nicht gut geht, sprich bitte mit einer Vertrauensperson.",
            ],
        ),
        It => (
            "Questa idea di storia parla di {found}, e non è adatto a una storia della buonanotte. Cambialo piuttosto con",
            [
                "una sfida amichevole, come un indovinello, una gara o qualcosa di perduto da ritrovare.",
                "uno strumento gentile, come una lanterna, una mappa o una bacchetta magica.",
                "qualcosa di curioso invece che spaventoso, come un rumore misterioso che si rivela un amico.",
                "qualcosa che piace ai più piccoli, come un picnic, un gioco o una festa con succo e torta.",
                "un'avventura sicura, con un adulto o un amico vicino.",
                "un momento di conforto in famiglia o con gli amici; se un bambino sta male, parlane con una persona di fiducia.",
            ],
        ),
    };
    format!("{} {}", lead.replace("{found}", &found), tips[idx])
}
