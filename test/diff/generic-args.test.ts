/** Generic types in the diff: a changed type argument, base argument or parameter list is a change. */
import { describe, expect, it } from 'vitest';
import { diffModels } from '../../generator/diff/compare.js';
import type { ApiModel, TypeDef, TypeRef } from '../../generator/model/api-model.js';
import { modelOf } from '../helpers.js';
import { languageTabPage } from '../read/html-fixtures.js';

const model = (response: string, base: string): ApiModel =>
  modelOf([
    languageTabPage(
      'q.csharp.html',
      'QueryPosts',
      'csharp',
      [
        `public class QueryPosts : ${base}, IReturn<${response}> { public int PostId { get; set; } }`,
        'public class Paged<T> { public List<T> Items { get; set; } }',
        'public class Holder { public Paged<Post> Posts { get; set; } }',
        'public class Post { public int Id { get; set; } }',
        'public class Comment { public int Id { get; set; } }',
      ].join('\n'),
    ),
  ]);

const brief = (base: ApiModel, now: ApiModel) => diffModels(base, now).map((c) => `${c.impact} ${c.kind} ${c.subject}: ${c.message}`);

describe('diff of generic types', () => {
  const before = model('QueryResponse<Post>', 'QueryDb<Post>');

  it('nothing changed, nothing reported', () => {
    expect(brief(before, model('QueryResponse<Post>', 'QueryDb<Post>'))).toEqual([]);
  });

  it("a response's and a base's type argument", () => {
    expect(brief(before, model('QueryResponse<Comment>', 'QueryDb<Comment>'))).toEqual([
      'breaking type-base-changed QueryPosts: now extends `QueryDb<Comment>` (was `QueryDb<Post>`)',
      'breaking response-changed QueryPosts: response changed from `QueryResponse<Post>` to `QueryResponse<Comment>`',
    ]);
  });

  it("a member's type argument, and a type's parameters", () => {
    const now = structuredClone(before);
    const holder = now.types.find((t) => t.name === 'Holder')!;
    (holder.fields[0]!.type as Extract<TypeRef, { kind: 'ref' }>).args = [{ kind: 'ref', name: 'Comment', nullable: false }];
    (now.types.find((t) => t.name === 'Paged') as TypeDef).typeParameters = ['TItem'];
    expect(brief(before, now)).toEqual([
      'breaking field-type-changed Holder.posts: type changed from `Paged<Post>` to `Paged<Comment>`',
      'breaking type-parameters-changed Paged: type parameters changed from `<T>` to `<TItem>`',
    ]);
  });
});
