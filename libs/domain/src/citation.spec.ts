import { citationParts } from './norms';

describe('citationParts: a norm reference in the parts of an official citation', () => {
  it.each([
    ['7.2a', { article: '7', clause: '2', points: { from: 'a' } }],
    ['8.1đ', { article: '8', clause: '1', points: { from: 'đ' } }],
    ['7.5', { article: '7', clause: '5' }],
    ['12.2b-d', { article: '12', clause: '2', points: { from: 'b', to: 'd' } }],
    ['9', { article: '9' }],
  ])('%s', (ref, parts) => expect(citationParts(ref)).toEqual(parts));

  it('is null for a reference in another shape', () => {
    expect(citationParts('Phụ lục I')).toBeNull();
  });
});
