// The custom-event form: the fields, their limits (the core's: title 3–60, description 10–500,
// up to 10 keywords of 2–30), and the storyteller's safety check before saving. A softened event
// is shown to the parent and saved only in its gentler form; a refused one is not saved.
import { AppError } from '$lib/ipc/api';
import { t } from '$lib/i18n';
import type { AgeRange, CustomEvent, CustomEventDraft, EventCategory, EventTone, SafetyCheck } from '$lib/ipc/bindings';
import type { EventsState } from './events.svelte';

export type SafetyPhase = 'editing' | 'checking' | 'rewritten' | 'refused' | 'saved';

export class CustomEventForm {
  title = $state('');
  description = $state('');
  category = $state<EventCategory>('daily_life');
  ageRange = $state<AgeRange>('4_6');
  tone = $state<EventTone>('calming');
  keywords = $state<string[]>([]);
  keywordInput = $state('');
  keywordError = $state<string | null>(null);
  touched = $state(false);
  phase = $state<SafetyPhase>('editing');
  verdict = $state<SafetyCheck | null>(null);
  error = $state<AppError | null>(null);

  readonly id: string | null;
  #events: Pick<EventsState, 'check' | 'save'>;

  constructor(events: Pick<EventsState, 'check' | 'save'>, existing?: CustomEvent) {
    this.#events = events;
    this.id = existing?.id ?? null;
    if (!existing) return;
    this.title = existing.title;
    this.description = existing.description;
    this.category = existing.category;
    this.ageRange = existing.ageRange;
    this.tone = existing.tone;
    this.keywords = [...existing.keywords];
  }

  get titleError(): string | null {
    const n = this.title.trim().length;
    return n < 3 || n > 60 ? t.customEvent.titleLength : null;
  }

  get descriptionError(): string | null {
    const n = this.description.trim().length;
    return n < 10 || n > 500 ? t.customEvent.descriptionLength : null;
  }

  addKeyword(): void {
    const k = this.keywordInput.trim();
    if (!k) return;
    if (k.length < 2 || k.length > 30) {
      this.keywordError = t.customEvent.keywordLength;
      return;
    }
    if (this.keywords.length >= 10) {
      this.keywordError = t.customEvent.keywordLimit;
      return;
    }
    if (!this.keywords.some((x) => x.toLowerCase() === k.toLowerCase())) this.keywords = [...this.keywords, k];
    this.keywordInput = '';
    this.keywordError = null;
  }

  removeKeyword(k: string): void {
    this.keywords = this.keywords.filter((x) => x !== k);
  }

  draft(): CustomEventDraft {
    return {
      title: this.title.trim(),
      description: this.description.trim(),
      category: this.category,
      ageRange: this.ageRange,
      tone: this.tone,
      keywords: [...this.keywords],
    };
  }

  /**
   * Runs the safety filter on what the parent typed, then saves when it passes. Returns the
   * saved event, or null when the parent has to look at a gentler version or a refusal first.
   */
  async checkAndSave(): Promise<CustomEvent | null> {
    if (this.titleError || this.descriptionError) {
      this.touched = true;
      return null;
    }
    this.phase = 'checking';
    this.error = null;
    try {
      const verdict = await this.#events.check(this.draft());
      this.verdict = verdict;
      if (verdict.verdict === 'rewritten') {
        this.phase = 'rewritten';
        return null;
      }
      if (verdict.verdict === 'refused') {
        this.phase = 'refused';
        return null;
      }
      return await this.#save(this.draft());
    } catch (e: unknown) {
      this.error = AppError.from(e);
      this.phase = 'editing';
      return null;
    }
  }

  /** Saves the storyteller's gentler version (after the parent saw it). */
  async acceptGentler(): Promise<CustomEvent | null> {
    if (this.verdict?.verdict !== 'rewritten') return null;
    this.title = this.verdict.title;
    this.description = this.verdict.description;
    try {
      return await this.#save(this.draft());
    } catch (e: unknown) {
      this.error = AppError.from(e);
      this.phase = 'editing';
      return null;
    }
  }

  /** Back to the fields, to change the words by hand. */
  edit(): void {
    this.phase = 'editing';
    this.verdict = null;
  }

  async #save(draft: CustomEventDraft): Promise<CustomEvent> {
    const saved = await this.#events.save(this.id, draft);
    this.phase = 'saved';
    return saved;
  }
}
