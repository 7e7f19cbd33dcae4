import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { executeRows } from '../db/execute.js';
import { type Page, type PageWindow, pagesByParent } from './paging.js';

export interface SpeakerCount {
  parentId: number;
  /** Null groups the claims whose speaker could not be resolved. */
  sourceId: number | null;
  claimCount: number;
  /** How unresolved speakers were written ("he"); empty for resolved sources. */
  speakerTexts: string[];
  total: number;
}

/**
 * Ranks the speakers of the claims in `scope` (rows of parent_id, claim_id) per parent: most
 * claims first, then by name, unresolved speakers grouped as one entry. One statement.
 */
export async function rankSpeakers(
  db: Queryable,
  parentIds: readonly number[],
  scope: SQL,
  window: PageWindow,
): Promise<Map<number, Page<SpeakerCount>>> {
  const rows = await executeRows<SpeakerCount>(
    db,
    sql`
    with grouped as (
      select s.parent_id, c.source_id, count(*)::int as claim_count,
        coalesce(array_agg(distinct c.speaker_text) filter (where c.source_id is null and c.speaker_text is not null), '{}') as speaker_texts
      from (${scope}) s join claims c on c.id = s.claim_id
      group by s.parent_id, c.source_id
    ), ranked as (
      select g.*, row_number() over (partition by g.parent_id order by g.claim_count desc, lower(src.name) asc nulls last, g.source_id) as rn,
        count(*) over (partition by g.parent_id)::int as total
      from grouped g left join sources src on src.id = g.source_id
    )
    select parent_id as "parentId", source_id as "sourceId", claim_count as "claimCount",
      speaker_texts as "speakerTexts", total
    from ranked where rn > ${window.offset} and rn <= ${window.offset + window.limit}
    order by parent_id, rn`,
  );
  return pagesByParent(parentIds, rows);
}
