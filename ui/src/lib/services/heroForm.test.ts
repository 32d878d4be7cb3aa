import { describe, expect, it } from 'vitest';
import { HeroForm } from './heroForm.svelte';
import { CATALOGUE } from '$lib/ipc/mockFamily';
import { maya } from './testing';

describe('HeroForm', () => {
  it('needs a name of 1 to 40 characters after trimming, and says why', () => {
    const form = new HeroForm();
    expect(form.nameError).toBe('Give your hero a name to continue.');
    form.name = '    ';
    expect(form.next()).toBe(false);
    expect(form.touched).toBe(true);
    expect(form.step).toBe(1);
    form.name = 'x'.repeat(41);
    expect(form.nameError).toBe('That name is 41 characters long; please keep it to 40 or fewer.');
    form.name = `  ${'x'.repeat(40)}  `;
    expect(form.nameError).toBeNull();
    expect(form.next()).toBe(true);
    expect(form.step).toBe(2);
    expect(form.touched).toBe(false);
  });

  it('does not offer the first trait as the second, and drops a clash', () => {
    const form = new HeroForm();
    form.choosePrimary('kind');
    expect(form.secondaryChoices(CATALOGUE.traits)).toHaveLength(9);
    expect(form.secondaryChoices(CATALOGUE.traits)).not.toContain('kind');
    form.secondary = 'brave';
    form.choosePrimary('brave');
    expect(form.secondary).toBeNull();
  });

  it('walks the steps only when each is complete', () => {
    const form = new HeroForm();
    form.name = 'Leo';
    form.next();
    expect(form.next()).toBe(false); // no first trait
    form.choosePrimary('funny');
    form.next();
    expect(form.next()).toBe(false); // no second trait
    form.secondary = 'kind';
    form.next();
    form.appearance = 'y'.repeat(201);
    expect(form.next()).toBe(false);
    expect(form.appearanceError).toBe('What do they look like? is 201 characters; please keep it to 200 or fewer.');
    form.appearance = '';
    expect(form.next()).toBe(true);
    expect(form.step).toBe(5);
    form.back();
    expect(form.step).toBe(4);
  });

  it('gives the core a trimmed draft, with empty details as null', () => {
    const form = new HeroForm();
    form.name = '  Leo ';
    form.pronouns = 'they';
    form.choosePrimary('funny');
    form.secondary = 'kind';
    form.appearance = '   ';
    form.ability = ' can whistle ';
    expect(form.draft()).toEqual({
      name: 'Leo', pronouns: 'they', primaryTrait: 'funny', secondaryTrait: 'kind', appearance: null,
      specialAbility: 'can whistle', avatarStyle: 'picture_book', avatarPrompt: null,
    });
  });

  it('builds the picture description from the hero until the parent edits it', () => {
    const form = new HeroForm(maya);
    expect(form.prompt).toBe(
      'A soft watercolour portrait of Maya, a curious and brave child with red curls, who can talk to birds. Friendly smile, warm colours, soft light, a cheerful background.',
    );
    form.avatarStyle = 'classic_storybook';
    expect(form.prompt).toMatch(/^A classic storybook portrait of Maya/);
    form.prompt = 'Maya on a swing';
    form.avatarStyle = 'digital_art';
    expect(form.prompt).toBe('Maya on a swing');
    expect(form.draft().avatarPrompt).toBe('Maya on a swing');
    form.prompt = 'z'.repeat(501);
    expect(form.promptError).toBe('The description is 501 characters; please keep it to 500 or fewer.');
    form.resetPrompt();
    expect(form.prompt).toMatch(/^A digital art portrait/);
    expect(form.draft().avatarPrompt).toBeNull();
  });

  it('starts from an existing hero when editing', () => {
    const form = new HeroForm(maya);
    expect([form.name, form.pronouns, form.primary, form.secondary, form.appearance]).toEqual([
      'Maya', 'she', 'curious', 'brave', 'red curls',
    ]);
  });
});

describe('HeroForm when editing', () => {
  it('can be saved from any step while everything is acceptable', () => {
    const form = new HeroForm(maya);
    expect(form.savable).toBe(true);
    form.name = '';
    expect(form.savable).toBe(false);
    form.name = 'Maya';
    form.ability = 'a'.repeat(201);
    expect(form.savable).toBe(false);
  });
});
