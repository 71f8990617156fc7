import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { taxonomyLabel } from '../../../shared/contract/incidentTaxonomy';
import { call, makeUnlockedCore } from '../helpers/testCore';

describe('demo vault taxonomy', () => {
  let core: Core | undefined;
  afterEach(async () => {
    await core?.close();
    core = undefined;
  });

  it('lists every category its incidents use, each read in French, Spanish and Arabic', async () => {
    core = await makeUnlockedCore({ demo: true });
    const { taxonomy, customised } = await call(core, 'incidents.taxonomy', {});
    expect(customised).toBe(true);
    const groups = await call(core, 'incidents.groups', { by: 'category' });
    const used = groups.groups.map((g) => g.key).filter(Boolean);
    expect(used.length).toBeGreaterThan(4);
    for (const value of used) {
      for (const lang of ['fr', 'es', 'ar']) expect(taxonomyLabel(taxonomy, 'category', value, lang), `${value} in ${lang}`).not.toBe(value);
    }
    // The presets are still there behind the demo's own terms.
    expect(taxonomy.category.map((t) => t.value)).toContain('Roadside IED');
  });
});
