/**
 * Checks of the monitoring files: Prometheus rule files (the rule-file format, closed like Prometheus'
 * own strict parser; every expression parsed with the PromQL grammar of the Prometheus project) and
 * Grafana dashboards (every panel query parsed), and the metric names those queries use.
 */
import Ajv, { type AnySchema } from 'ajv';
import { parser } from '@prometheus-io/lezer-promql';

const str = { type: 'string', minLength: 1 };
const duration = { type: 'string', pattern: '^([0-9]+(ms|s|m|h|d|w|y))+$' };
const stringMap = { type: 'object', additionalProperties: { type: 'string' } };

const rule = {
  type: 'object',
  additionalProperties: false,
  properties: {
    alert: str,
    record: str,
    expr: str,
    for: duration,
    keep_firing_for: duration,
    labels: stringMap,
    annotations: stringMap,
  },
  required: ['expr'],
  // An alerting rule or a recording rule, never both.
  oneOf: ['alert', 'record'].map((kind) => ({
    type: 'object',
    properties: { [kind]: str },
    required: [kind],
  })),
};

/** `groups:` of a rule file, also the spec of a PrometheusRule. */
export const RULE_GROUPS_SCHEMA = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    properties: {
      name: str,
      interval: duration,
      limit: { type: 'integer', minimum: 0 },
      query_offset: duration,
      labels: stringMap,
      rules: { type: 'array', minItems: 1, items: rule },
    },
    required: ['name', 'rules'],
  },
};

const validateRuleFile = new Ajv({ allErrors: true, strict: false }).compile({
  type: 'object',
  additionalProperties: false,
  properties: { groups: RULE_GROUPS_SCHEMA },
  required: ['groups'],
} as AnySchema);

export type Rule = { alert?: string; record?: string; expr: string; for?: string };
export type RuleFile = { groups: { name: string; rules: Rule[] }[] };

/** The metric names a PromQL expression selects, and its syntax errors (a position each). */
export function parsePromql(expr: string): { metrics: string[]; errors: string[] } {
  const metrics = new Set<string>();
  const errors: string[] = [];
  parser.parse(expr).iterate({
    enter(node) {
      if (node.type.isError) errors.push(`syntax error at ${node.from} in: ${expr}`);
      if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector')
        metrics.add(expr.slice(node.from, node.to));
    },
  });
  return { metrics: [...metrics], errors };
}

/** Problems of a parsed rule file: its shape, then each expression's syntax. */
export function ruleFileProblems(file: unknown): string[] {
  if (!validateRuleFile(file))
    return (validateRuleFile.errors ?? []).map((e) => `rules${e.instancePath}: ${e.message}`);
  return rulesOf(file as RuleFile).flatMap((r) => parsePromql(r.expr).errors.map((e) => `${name(r)}: ${e}`));
}

export const rulesOf = (file: RuleFile): Rule[] => file.groups.flatMap((g) => g.rules);
const name = (r: Rule) => r.alert ?? r.record ?? '?';

type Panel = { title?: string; targets?: { expr?: string }[]; panels?: Panel[] };

/** Every query of a Grafana dashboard, panels inside rows included, with the panel's title. */
export function dashboardQueries(dashboard: { panels?: Panel[] }): { panel: string; expr: string }[] {
  const walk = (panels: Panel[]): { panel: string; expr: string }[] =>
    panels.flatMap((p) => [
      ...(p.targets ?? []).flatMap((t) => (t.expr ? [{ panel: p.title ?? '?', expr: t.expr }] : [])),
      ...walk(p.panels ?? []),
    ]);
  return walk(dashboard.panels ?? []);
}
