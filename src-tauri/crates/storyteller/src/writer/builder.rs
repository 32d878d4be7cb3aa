//! The story under construction: paragraphs tagged with their beat, grown sentence by sentence
//! and shrunk newest-first when a short story comes out too long.

use super::compose::{Beat, Paragraph, Place, count_words};

pub(super) struct Builder {
    pub paragraphs: Vec<Paragraph>,
    pub next_id: usize,
    /// Paragraph id and sentence index of each grown sentence, newest last.
    pub added: Vec<(usize, usize)>,
}

impl Builder {
    pub(super) fn words(&self) -> usize {
        self.paragraphs
            .iter()
            .flat_map(|p| &p.sentences)
            .map(|s| count_words(s))
            .sum()
    }

    pub(super) fn len_of(&self, beat: Beat) -> usize {
        self.paragraphs
            .iter()
            .rev()
            .find(|p| p.beat == beat)
            .map_or(0, |p| p.sentences.len())
    }

    pub(super) fn push(&mut self, beat: Beat, sentences: Vec<Option<String>>) {
        let sentences: Vec<String> = sentences.into_iter().flatten().collect();
        if sentences.is_empty() {
            return;
        }
        self.paragraphs.push(Paragraph {
            beat,
            sentences,
            id: self.next_id,
        });
        self.next_id += 1;
    }

    pub(super) fn grow(&mut self, grown: Vec<(Place, Option<String>)>) {
        let mut new_episode: Option<usize> = None;
        for (place, sentence) in grown {
            let (id, before_last) = match place {
                Place::NewEpisode => {
                    let id = *new_episode.get_or_insert_with(|| {
                        let at = self
                            .paragraphs
                            .iter()
                            .position(|p| p.beat == Beat::Resolution)
                            .unwrap_or(self.paragraphs.len());
                        let id = self.next_id;
                        self.paragraphs.insert(
                            at,
                            Paragraph {
                                beat: Beat::Episode,
                                sentences: Vec::new(),
                                id,
                            },
                        );
                        self.next_id += 1;
                        id
                    });
                    (id, false)
                }
                Place::Append(Beat::Episode) => (self.roomiest_episode(), false),
                Place::Append(beat) => (self.last_of(beat), false),
                Place::BeforeLast(beat) => (self.last_of(beat), true),
            };
            let Some(sentence) = sentence else { continue };
            if let Some(p) = self.paragraphs.iter_mut().find(|p| p.id == id) {
                let at = if before_last {
                    p.sentences.len().saturating_sub(1)
                } else {
                    p.sentences.len()
                };
                p.sentences.insert(at, sentence);
                self.added.push((id, at));
            }
        }
        self.paragraphs.retain(|p| !p.sentences.is_empty());
    }

    /// The episode with the fewest sentences, so details spread over the story; a fresh
    /// paragraph before the resolution when every episode is already full.
    pub(super) fn roomiest_episode(&mut self) -> usize {
        let roomiest = self
            .paragraphs
            .iter()
            .filter(|p| matches!(p.beat, Beat::Episode | Beat::Ability))
            .min_by_key(|p| p.sentences.len())
            .map(|p| (p.id, p.sentences.len()));
        match roomiest {
            Some((id, len)) if len < 6 => id,
            _ => {
                let at = self
                    .paragraphs
                    .iter()
                    .position(|p| p.beat == Beat::Resolution)
                    .unwrap_or(self.paragraphs.len());
                let id = self.next_id;
                self.paragraphs.insert(
                    at,
                    Paragraph {
                        beat: Beat::Episode,
                        sentences: Vec::new(),
                        id,
                    },
                );
                self.next_id += 1;
                id
            }
        }
    }

    pub(super) fn last_of(&self, beat: Beat) -> usize {
        let of_beat = |b: Beat| {
            self.paragraphs
                .iter()
                .rev()
                .find(|p| p.beat == b)
                .map(|p| p.id)
        };
        match beat {
            Beat::Episode => of_beat(Beat::Episode)
                .or_else(|| of_beat(Beat::Ability))
                .unwrap_or(0),
            other => of_beat(other).unwrap_or(0),
        }
    }

    pub(super) fn shrink(&mut self) -> bool {
        let Some((id, at)) = self.added.pop() else {
            return false;
        };
        if let Some(p) = self.paragraphs.iter().position(|p| p.id == id) {
            if at < self.paragraphs[p].sentences.len() {
                self.paragraphs[p].sentences.remove(at);
            }
            if self.paragraphs[p].sentences.is_empty() {
                self.paragraphs.remove(p);
            }
        }
        true
    }
}
