/** The name conversions the model passes share (generator/model/naming.ts). */
import { describe, expect, it } from 'vitest';
import { singularName } from '../../generator/model/naming.js';

describe("singularName: a list member's item, by the last word", () => {
  it.each([
    ['results', 'result'],
    ['Results', 'Result'],
    ['categories', 'category'],
    ['addresses', 'address'],
    ['boxes', 'box'],
    ['branches', 'branch'],
    ['orderDetails', 'orderDetail'],
    ['allTiers', 'allTier'],
    ['children', 'child'],
    ['People', 'Person'],
    ['status', 'status'],
    ['Address', 'Address'],
    ['additionalInfo', 'additionalInfo'],
    ['analysis', 'analysis'],
    ['data', 'data'],
    ['ids', 'id'],
    ['IDs', 'IDs'],
  ])('%s → %s', (plural, singular) => {
    expect(singularName(plural)).toBe(singular);
  });
});
