import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { stream } from 'hono/streaming';
import type { z } from 'zod';
import { evaluate, EvaluationError, judge } from '../../engine/evaluate';
import { decidingParameterIds } from '../../engine/outcome';
import { loadRuleset, RulesetLoadError, type Ruleset } from '../../engine/ruleset';
import { readRulesDir } from '../../rules-data/read-rules-dir';
import { exceptionsCsv, rulesetDiffCsv, socialCsv, splitGroupsCsv, type Names } from '../../shared/audit-csv';
import {
  exceptionQuerySchema,
  impactQuerySchema,
  similarQuerySchema,
  socialReportQuerySchema,
  nearLimitShare,
  splitGroupQuerySchema,
  type AuditRow,
  type RecordAudit,
  type RulesetDiff,
  type SplitGroup,
  type SplitGroupResponse,
} from '../../shared/audit-report';
import type { Identity } from '../../shared/decision-record';
import { failingIn, type LatestVerification } from '../latest-verification';
import type { RecordEvent } from '../../shared/record-events';
import { visibleOrganisations, type Permission } from '../access';
import { RegisterError, type RegisterService } from '../register-service';
import { AuditIndex } from './audit-index';
import { withCanonicalOrganisation } from '../canonical-query';
import { csvNames } from './csv-names';
import { diffRulesets, nameOf } from './ruleset-diff';
import { impactAnalysis } from './impact-analysis';
import { impactEvent, maxListedChanges, recordTimeline } from './record-timeline';
import { similarPurchases } from './similar-purchases';
import { socialReport } from './social-report';

type Env = { Variables: { identity: Identity } };

export type ReportsOptions = {
  service: RegisterService;
  requires: (permission: Permission) => MiddlewareHandler<Env>;
  badRequest: (c: Context, error: z.core.$ZodError) => Response;
  /** The rule set in rules/ on disk now, read afresh: the working copy a maintainer is editing. */
  workingRuleset?: () => Ruleset;
  today?: () => string;
  /** Keeps an event in the records' timelines (create-app.ts): here, an impact analysis that ran to its end. */
  keepEvent?: (event: RecordEvent | null) => Promise<void>;
  /** Which records failed the latest verification: the exception reports mark them. */
  latestRun?: LatestVerification;
};

/**
 * One refusal for a record that is not there and one of an organisation the reader may not read: answering
 * 403 for the one and 404 for the other would tell a procurer which numbers another organisation holds.
 */
const notYoursOrNotThere = (id: number) => new RegisterError(404, 'not-found', `there is no record ${id} that you may read`);

/** The file names what it holds, so a folder of downloaded reports can be told apart: 'sociala-inkop-lekeberg-2022-01-01-2026-12-31.csv'. */
const socialCsvName = (q: { organisation?: string | undefined; from?: string | undefined; to?: string | undefined }) => `${['sociala-inkop', q.organisation ?? 'alla', q.from, q.to].filter(Boolean).join('-')}.csv`;
const csvHeaders = (name: string) => ({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` });

/** The auditor's questions across records, under /api/reports, on the register's store and access rules. */
export function createReportsApi(options: ReportsOptions) {
  const { service, requires, badRequest } = options;
  const index = new AuditIndex(service);
  const working = options.workingRuleset ?? (() => loadRuleset(readRulesDir()));
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  const api = new Hono<Env>();
  const scope = (c: Context<Env>) => ({ organisations: visibleOrganisations(c.get('identity')) });
  const orgQuery = (c: Context<Env>) => withCanonicalOrganisation(c.req.query(), service.current());
  const names = (): Names => csvNames(service.current());
  const marked = async (rows: AuditRow[]): Promise<AuditRow[]> => {
    const failing = await options.latestRun?.failing();
    return failing ? rows.map((r) => ({ ...r, failedVerification: failing.ids.has(r.id) })) : rows;
  };

  const markedGroups = async (groups: SplitGroup[]): Promise<SplitGroup[]> => {
    const failing = await options.latestRun?.failing();
    return failing ? groups.map((g) => ({ ...g, decisions: g.decisions.map((d) => ({ ...d, failedVerification: failing.ids.has(d.id) })) })) : groups;
  };
  const failingFigures = (c: Context<Env>) => (options.latestRun ? failingIn(options.latestRun, service.store, visibleOrganisations(c.get('identity'))) : Promise.resolve(null));

  api.get('/exceptions', requires('read'), async (c) => {
    const parsed = exceptionQuerySchema.safeParse(orgQuery(c));
    if (!parsed.success) return badRequest(c, parsed.error);
    await index.refresh();
    const page = index.exceptions(parsed.data, scope(c));
    return c.json({ ...page, items: await marked(page.items) });
  });

  api.get('/exceptions.csv', requires('read'), async (c) => {
    const parsed = exceptionQuerySchema.safeParse({ ...orgQuery(c), offset: '0', limit: '1' });
    if (!parsed.success) return badRequest(c, parsed.error);
    await index.refresh();
    const all = await marked(index.exceptions({ ...parsed.data, limit: Number.MAX_SAFE_INTEGER }, scope(c)).items);
    return c.body(exceptionsCsv(all, names()), 200, csvHeaders(`avvikelser-${parsed.data.kind}.csv`));
  });

  api.get('/split-groups', requires('read'), async (c) => {
    const parsed = splitGroupQuerySchema.safeParse(orgQuery(c));
    if (!parsed.success) return badRequest(c, parsed.error);
    await index.refresh();
    const { total, over, groups } = index.splitGroups(parsed.data, scope(c));
    const body: SplitGroupResponse = { nearShare: nearLimitShare, total, over, items: await markedGroups(groups.slice(parsed.data.offset, parsed.data.offset + parsed.data.limit)) };
    return c.json(body);
  });

  api.get('/split-groups.csv', requires('read'), async (c) => {
    const parsed = splitGroupQuerySchema.safeParse(orgQuery(c));
    if (!parsed.success) return badRequest(c, parsed.error);
    await index.refresh();
    const { groups } = index.splitGroups(parsed.data, scope(c));
    return c.body(splitGroupsCsv(await markedGroups(groups), names()), 200, csvHeaders(parsed.data.over === '1' ? 'uppdelade-kop-over-gransen.csv' : 'uppdelade-kop.csv'));
  });

  api.get('/records/:id', requires('read'), async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isInteger(id) || id < 1) throw new RegisterError(400, 'invalid-request', 'the record number must be a whole number from 1', 'id');
    const record = await service.store.get(id);
    const visible = visibleOrganisations(c.get('identity'));
    if (!record || (visible && !visible.includes(record.answers.organisation))) throw notYoursOrNotThere(id);
    await index.refresh();
    const row = index.row(id);
    if (!row) throw new RegisterError(409, 'not-readable', `record ${id} cannot be read: run the check of the register`);
    const stored = await service.storedRuleset(record.rulesetHash);
    let limits: RecordAudit['limits'] = [];
    if (stored) {
      try {
        const outcome = evaluate(stored, record.answers);
        const deciding = decidingParameterIds(outcome, [record.chosenRoute, record.recommendedRoute]);
        limits = outcome.parametersUsed.map((p) => ({
          id: p.id, label: p.label, unit: p.unit, value: p.value, from: p.from, status: p.status,
          source: { title: p.source.title, section: p.source.section, url: p.source.url }, deciding: deciding.has(p.id),
        }));
      } catch {
        limits = [];
      }
    }
    const timeline = await recordTimeline(service.store, record, index.corrections(id));
    const current = service.current();
    const judgeOn = (date: string) => {
      try {
        return { rulesetVersion: current.version, date, ...judge(current, { ...record.answers, decisionDate: date }), problem: null };
      } catch (error) {
        if (!(error instanceof EvaluationError)) throw error;
        return { rulesetVersion: current.version, date, verdicts: record.verdicts, recommendedRoute: null, problem: error.message };
      }
    };
    const body: RecordAudit = { row, limits, timeline, asDecided: judgeOn(record.answers.decisionDate), asToday: judgeOn(today()) };
    return c.json(body);
  });

  api.get('/social', requires('stats'), async (c) => {
    const parsed = socialReportQuerySchema.safeParse(orgQuery(c));
    if (!parsed.success) return badRequest(c, parsed.error);
    await index.refresh();
    return c.json({ ...socialReport(index.currentRows(), parsed.data, scope(c)), failedVerification: await failingFigures(c) });
  });

  api.get('/social.csv', requires('stats'), async (c) => {
    const parsed = socialReportQuerySchema.safeParse(orgQuery(c));
    if (!parsed.success) return badRequest(c, parsed.error);
    await index.refresh();
    return c.body(socialCsv(socialReport(index.currentRows(), parsed.data, scope(c)).rows, names(), await failingFigures(c)), 200, csvHeaders(socialCsvName(parsed.data)));
  });

  api.get('/similar', requires('read'), async (c) => {
    const parsed = similarQuerySchema.safeParse(orgQuery(c));
    if (!parsed.success) return badRequest(c, parsed.error);
    const visible = visibleOrganisations(c.get('identity'));
    // Refused on the reader's permission alone, never on what is stored: the guide tells the procurer it may
    // not look there (403), and the answer is the same whether that organisation has records or not.
    if (visible && !visible.includes(parsed.data.organisation)) throw new RegisterError(403, 'forbidden', `you may not read records of ${parsed.data.organisation}`);
    await index.refresh();
    const found = similarPurchases(index.currentRows(), parsed.data);
    const items = await Promise.all(
      found.items.map(async (item) => {
        const stored = (await service.store.get(item.row.id))?.answers.value;
        const ownValueSek = stored?.totalSek === undefined ? null : Math.max(0, stored.totalSek - (stored.similarPurchasesSek ?? 0));
        return { ...item, ownValueSek };
      }),
    );
    return c.json({ ...found, items });
  });

  const resolve = async (ref: string): Promise<Ruleset> => {
    if (ref === 'working') {
      try {
        return working();
      } catch (error) {
        if (error instanceof RulesetLoadError) throw new RegisterError(409, 'working-ruleset-invalid', `the working copy of rules/ does not load: ${error.message}`);
        throw error;
      }
    }
    const stored = ref === service.current().hash ? service.current() : await service.storedRuleset(ref);
    if (!stored) throw new RegisterError(404, 'not-found', `no rule set ${ref.slice(0, 12)}… is stored`);
    return stored;
  };

  const diffOf = async (fromRef: string, toRef: string): Promise<RulesetDiff> => {
    const diff = diffRulesets(await resolve(fromRef), await resolve(toRef));
    return { ...diff, from: { ...diff.from, working: fromRef === 'working' }, to: { ...diff.to, working: toRef === 'working' } };
  };

  api.get('/rulesets', requires('verify'), async (c) => {
    await index.refresh();
    let workingInfo = null;
    let workingProblem = null;
    try {
      workingInfo = { ...nameOf(working()), working: true };
    } catch (error) {
      workingProblem = (error as Error).message;
    }
    const stored = await Promise.all(
      index.storedRulesets().map(async ({ hash, version, records, firstDecision }) => {
        const ruleset = await service.storedRuleset(hash).catch(() => null);
        return { hash, version, date: ruleset?.manifest.lastReviewed ?? null, records, firstDecision };
      }),
    );
    return c.json({ current: nameOf(service.current()), working: workingInfo, workingProblem, stored });
  });

  api.get('/rulesets/diff', requires('verify'), async (c) => {
    const parsed = impactQuerySchema.safeParse(orgQuery(c));
    if (!parsed.success) return badRequest(c, parsed.error);
    return c.json(await diffOf(parsed.data.from, parsed.data.to));
  });

  api.get('/rulesets/diff.csv', requires('verify'), async (c) => {
    const parsed = impactQuerySchema.safeParse(orgQuery(c));
    if (!parsed.success) return badRequest(c, parsed.error);
    const diff = await diffOf(parsed.data.from, parsed.data.to);
    return c.body(rulesetDiffCsv(diff), 200, csvHeaders(`regelverk-${diff.from.version}-${diff.to.version}.csv`));
  });

  api.get('/impact', requires('verify'), async (c) => {
    const parsed = impactQuerySchema.safeParse(orgQuery(c));
    if (!parsed.success) return badRequest(c, parsed.error);
    const from = await resolve(parsed.data.from);
    const to = await resolve(parsed.data.to);
    c.header('content-type', 'application/x-ndjson; charset=utf-8');
    c.header('cache-control', 'no-store');
    return stream(c, async (s) => {
      const abort = new AbortController();
      s.onAbort(() => abort.abort());
      const changedIds: number[] = [];
      try {
        for await (const line of impactAnalysis(service.store, from, to, { organisation: parsed.data.organisation, signal: abort.signal, fromWorking: parsed.data.from === 'working', toWorking: parsed.data.to === 'working' })) {
          if (line.type === 'item' && changedIds.length < maxListedChanges) changedIds.push(line.item.id);
          if (line.type === 'done') {
            const run = { from, to, toWorking: parsed.data.to === 'working', organisation: parsed.data.organisation ?? null, checked: line.checked, changed: line.changed, changedIds, lastId: line.lastId };
            await options.keepEvent?.(impactEvent({ by: c.get('identity'), at: new Date(), ruleset: service.current() }, run));
          }
          await s.write(`${JSON.stringify(line)}\n`);
        }
      } catch (error) {
        await s.write(`${JSON.stringify({ type: 'error', message: (error as Error).message })}\n`);
      }
    });
  });

  return api;
}
