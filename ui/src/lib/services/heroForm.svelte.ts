// The hero wizard's state: five steps (name and pronouns, first trait, second trait, details,
// picture), what each step needs before Next, and the draft the core receives. The same form
// edits an existing hero. The limits mirror the core's validation so the parent hears about a
// too-long name at once, not after saving.
import { t } from '$lib/i18n';
import type { AvatarStyle, Hero, HeroDraft, Pronouns, Trait } from '$lib/ipc/bindings';

export const STEPS = 5;
export const NAME_MAX = 40;
export const DETAIL_MAX = 200;
export const PROMPT_MAX = 500;

const clean = (s: string) => s.trim();
const orNull = (s: string) => (clean(s) === '' ? null : clean(s));

export class HeroForm {
  step = $state(1);
  name = $state('');
  pronouns = $state<Pronouns | null>(null);
  primary = $state<Trait | null>(null);
  secondary = $state<Trait | null>(null);
  appearance = $state('');
  ability = $state('');
  avatarStyle = $state<AvatarStyle>('picture_book');
  /** The picture description; null while it follows the hero (not edited by the parent). */
  customPrompt = $state<string | null>(null);
  /** Set by "Next" on a step whose input is not acceptable yet, so errors show only then. */
  touched = $state(false);

  constructor(hero?: Hero) {
    if (!hero) return;
    this.name = hero.name;
    this.pronouns = hero.pronouns;
    this.primary = hero.primaryTrait;
    this.secondary = hero.secondaryTrait;
    this.appearance = hero.appearance ?? '';
    this.ability = hero.specialAbility ?? '';
    this.avatarStyle = hero.avatarStyle ?? 'picture_book';
    this.customPrompt = hero.avatarPrompt;
  }

  get displayName(): string {
    return clean(this.name) || 'your hero';
  }

  get nameError(): string | null {
    const n = clean(this.name).length;
    if (n === 0) return t.wizard.nameRequired;
    if (n > NAME_MAX) return t.wizard.nameTooLong(n);
    return null;
  }

  get appearanceError(): string | null {
    const n = clean(this.appearance).length;
    return n > DETAIL_MAX ? t.wizard.tooLong(t.wizard.appearanceLabel, n, DETAIL_MAX) : null;
  }

  get abilityError(): string | null {
    const n = clean(this.ability).length;
    return n > DETAIL_MAX ? t.wizard.tooLong(t.wizard.abilityLabel, n, DETAIL_MAX) : null;
  }

  get promptError(): string | null {
    const n = clean(this.prompt).length;
    return n > PROMPT_MAX ? t.wizard.promptTooLong(n) : null;
  }

  /** The traits the second-trait step offers: all but the first. */
  secondaryChoices(traits: readonly Trait[]): Trait[] {
    return traits.filter((tr) => tr !== this.primary);
  }

  choosePrimary(trait: Trait): void {
    this.primary = trait;
    if (this.secondary === trait) this.secondary = null;
  }

  /** The picture description: the parent's own words, or one built from the hero. */
  get prompt(): string {
    return this.customPrompt ?? this.builtPrompt;
  }

  set prompt(value: string) {
    this.customPrompt = value;
  }

  get builtPrompt(): string {
    const trait = (tr: Trait | null) => (tr ? t.traits[tr].name : '');
    return t.wizard.prompt({
      name: clean(this.name),
      style: t.avatarStyles[this.avatarStyle],
      primary: trait(this.primary),
      secondary: trait(this.secondary),
      appearance: orNull(this.appearance),
      ability: orNull(this.ability),
    });
  }

  resetPrompt(): void {
    this.customPrompt = null;
  }

  /** Whether the current step's input allows going on. */
  get stepValid(): boolean {
    switch (this.step) {
      case 1:
        return this.nameError === null;
      case 2:
        return this.primary !== null;
      case 3:
        return this.secondary !== null && this.secondary !== this.primary;
      case 4:
        return this.appearanceError === null && this.abilityError === null;
      default:
        return this.promptError === null;
    }
  }

  /** Whether the hero can be saved as it is (names, traits and details all acceptable). */
  get savable(): boolean {
    return (
      this.nameError === null &&
      this.primary !== null &&
      this.secondary !== null &&
      this.primary !== this.secondary &&
      this.appearanceError === null &&
      this.abilityError === null
    );
  }

  /** Moves on when the step is valid; otherwise marks it so its errors show. */
  next(): boolean {
    if (!this.stepValid) {
      this.touched = true;
      return false;
    }
    this.touched = false;
    this.step = Math.min(STEPS, this.step + 1);
    return true;
  }

  back(): void {
    this.touched = false;
    this.step = Math.max(1, this.step - 1);
  }

  /** The hero as the core takes it (steps 1–4 must be valid). */
  draft(): HeroDraft {
    if (!this.primary || !this.secondary) throw new Error('the hero has no traits yet');
    return {
      name: clean(this.name),
      pronouns: this.pronouns,
      primaryTrait: this.primary,
      secondaryTrait: this.secondary,
      appearance: orNull(this.appearance),
      specialAbility: orNull(this.ability),
      avatarStyle: this.avatarStyle,
      avatarPrompt: this.customPrompt === null ? null : orNull(this.customPrompt),
    };
  }
}
