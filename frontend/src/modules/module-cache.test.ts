import { afterEach, describe, expect, it } from 'vitest';
import { forgetModule, rememberedModule, rememberModules } from './module-cache';

const module = {
  id: '0b9a3c1e-5d2f-4a6b-8c7d-9e0f1a2b3c4d',
  title: 'Introduction to NumPy',
  description: 'Arrays.',
  notebook_filename: 'module_01_intro_to_numpy.ipynb',
  order: 1,
};

describe('module cache', () => {
  afterEach(() => localStorage.clear());

  it('remembers modules by id, keeping only the module fields', () => {
    expect(rememberedModule(module.id)).toBeNull();
    rememberModules([{ ...module, status: 'completed' } as typeof module]);
    expect(rememberedModule(module.id)).toEqual(module);
    forgetModule(module.id);
    expect(rememberedModule(module.id)).toBeNull();
  });

  it('ignores what is stored when it is not a module', () => {
    localStorage.setItem('numerical-tutor:modules', '{not json');
    expect(rememberedModule(module.id)).toBeNull();
    localStorage.setItem(
      'numerical-tutor:modules',
      JSON.stringify({ [module.id]: { ...module, notebook_filename: 42 } }),
    );
    expect(rememberedModule(module.id)).toBeNull();
    // A record filed under another id is not this module.
    localStorage.setItem('numerical-tutor:modules', JSON.stringify({ other: module }));
    expect(rememberedModule('other')).toBeNull();
  });
});
