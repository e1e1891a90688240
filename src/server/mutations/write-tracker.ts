// Counts the statements that changed rows. A push applies several mutations in
// one transaction; when one is refused, push asks whether it had already
// written something: if not, its neighbours keep their effects and only the
// refusal is recorded; if so, the transaction must roll back to undo it.
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryId,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

export class WriteTracker implements KyselyPlugin {
  #count = 0;
  readonly #writing = new WeakSet<QueryId>();

  /** Statements so far that inserted, updated or deleted at least one row. */
  get count(): number {
    return this.#count;
  }

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    // Raw SQL counts as writing: it could be anything.
    if (node.kind !== 'SelectQueryNode') this.#writing.add(queryId);
    return node;
  }

  async transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    // An insert that hit ON CONFLICT DO NOTHING changed nothing: refusing after it leaves nothing to undo.
    if (this.#writing.has(queryId) && (result.rows.length > 0 || (result.numAffectedRows ?? 0n) > 0n)) this.#count++;
    return result;
  }
}
