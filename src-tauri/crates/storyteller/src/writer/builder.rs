//! The story under construction: paragraphs tagged with their beat, grown sentence by sentence
//! and shrunk newest-first when a short story comes out too long.

use super::compose::{Beat, Paragraph, Place, count_words};

pub(super) struct Builder {
    pub paragraphs: Vec<Paragraph>,
    pub next_id: usize,
    /// Paragraph id and text of each optional (grown) sentence, newest last.
    pub added: Vec<(usize, String)>,
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

    /// Sets the English description of what happens in the last paragraph.
    pub(super) fn describe_last(&mut self, about: Option<String>) {
        if let Some(p) = self.paragraphs.last_mut() {
            p.about = about;
        }
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
            about: None,
        });
        self.next_id += 1;
    }

    /// Places grown sentences; a new episode paragraph is described by `about`.
    pub(super) fn grow(&mut self, grown: Vec<(Place, Option<String>)>, mut about: Option<String>) {
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
                                about: about.take(),
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
                self.added.push((id, sentence.clone()));
                p.sentences.insert(at, sentence);
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
                        about: None,
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

    /// Marks the sentence at `index` of paragraph `id` as optional.
    pub(super) fn mark_optional(&mut self, id: usize, index: usize) {
        if let Some(sentence) = self
            .paragraphs
            .iter()
            .find(|p| p.id == id)
            .and_then(|p| p.sentences.get(index))
        {
            self.added.push((id, sentence.clone()));
        }
    }

    /// Drops the optional sentence that brings the story closest to `target` words (newest
    /// first among equals); false when none is left.
    pub(super) fn shrink(&mut self, words: usize, target: f64) -> bool {
        let best = self
            .added
            .iter()
            .enumerate()
            .rev()
            .min_by(|(_, a), (_, b)| {
                let miss = |s: &String| (words as f64 - count_words(s) as f64 - target).abs();
                miss(&a.1).total_cmp(&miss(&b.1))
            })
            .map(|(k, _)| k);
        let Some(k) = best else {
            return false;
        };
        let (id, sentence) = self.added.remove(k);
        if let Some(p) = self.paragraphs.iter().position(|p| p.id == id) {
            if let Some(at) = self.paragraphs[p]
                .sentences
                .iter()
                .position(|s| *s == sentence)
            {
                self.paragraphs[p].sentences.remove(at);
            }
            if self.paragraphs[p].sentences.is_empty() {
                self.paragraphs.remove(p);
            }
        }
        true
    }
}
