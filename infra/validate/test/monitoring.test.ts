import { parse } from 'yaml';
import { schemaProblems } from '../src/k8s-schema';
import { knownSeries, PLATFORM_METRICS } from '../src/metric-catalog';
import { dashboardQueries, parsePromql, ruleFileProblems, rulesOf, type RuleFile } from '../src/prometheus';
import { SERVICES, findObject, firstContainer, read, renderOverlay } from './helpers';

const RULES = 'infra/k8s/base/monitoring/ticketing-alerts.yaml';
const DASHBOARD = 'infra/k8s/base/monitoring/ticketing-dashboard.json';
const rules = parse(read(RULES)) as RuleFile;
const dashboard = JSON.parse(read(DASHBOARD)) as { uid: string; title: string; panels: unknown[] };
const known = knownSeries();
const unknownMetrics = (exprs: string[]) =>
  exprs.flatMap((expr) => parsePromql(expr).metrics).filter((metric) => !known.has(metric));

describe('alert rules', () => {
  it('when the rules file is read, then it is a valid Prometheus rule file with the four alerts', () => {
    expect(ruleFileProblems(rules)).toEqual([]);
    expect(rulesOf(rules).map((r) => r.alert)).toEqual([
      'OutboxNotPublishing',
      'ConsumerBacklogGrowing',
      'DeadLetters',
      'RefundPendingTooLong',
    ]);
  });

  it('when an alert uses a metric, then the code defines it', () => {
    expect(unknownMetrics(rulesOf(rules).map((r) => r.expr))).toEqual([]);
  });

  it('when a rule is broken, then the check names the problem', () => {
    const broken = structuredClone(rules);
    broken.groups[0]!.rules[0]!.expr = 'max by (service (outbox_oldest_pending_age_seconds) > 30';
    expect(ruleFileProblems(broken)).toEqual([expect.stringContaining('OutboxNotPublishing: syntax error')]);
    (broken.groups[0]!.rules[1] as Record<string, unknown>).fire_for = '5m';
    expect(ruleFileProblems(broken)).toEqual([
      expect.stringContaining('must NOT have additional properties'),
    ]);
    expect(unknownMetrics(['rate(outbox_publishes_total[5m]) > 0'])).toEqual(['outbox_publishes_total']);
  });
});

describe('Grafana dashboard', () => {
  const queries = dashboardQueries(dashboard as Parameters<typeof dashboardQueries>[0]);

  it('when the dashboard is read, then it is JSON with a uid, a title and panels whose queries parse', () => {
    expect(dashboard).toMatchObject({ uid: 'ticketing-operations', title: expect.any(String) });
    expect(queries.length).toBeGreaterThanOrEqual(15);
    expect(queries.flatMap((q) => parsePromql(q.expr).errors)).toEqual([]);
  });

  it('when a panel uses a metric, then the code defines it', () => {
    expect(unknownMetrics(queries.map((q) => q.expr))).toEqual([]);
  });
});

describe('monitoring manifests', () => {
  it('when the base is rendered, then the rules and the dashboard are ConfigMaps holding the files as they are', () => {
    const prod = renderOverlay('prod');
    expect(findObject(prod, 'ConfigMap', 'ticketing-alerts').data).toEqual({
      'ticketing-alerts.yaml': read(RULES),
    });
    const dashboardMap = findObject(prod, 'ConfigMap', 'ticketing-dashboard');
    expect(dashboardMap.data).toEqual({ 'ticketing-dashboard.json': read(DASHBOARD) });
    expect(dashboardMap.metadata.labels).toMatchObject({ grafana_dashboard: '1' });
  });

  it('when the monitoring overlay is rendered, then its PodMonitor scrapes every service and its PrometheusRule carries the rules file', () => {
    const objects = renderOverlay('monitoring');
    const podMonitor = findObject(objects, 'PodMonitor', 'ticketing');
    expect(podMonitor.spec).toMatchObject({
      selector: { matchLabels: { 'app.kubernetes.io/part-of': 'ticketing' } },
      podMetricsEndpoints: [
        {
          port: 'http',
          path: '/metrics',
          relabelings: [
            {
              action: 'keep',
              sourceLabels: ['__meta_kubernetes_pod_annotation_prometheus_io_scrape'],
              regex: 'true',
            },
          ],
        },
      ],
    });
    // What it keeps: the pods that declare the annotation, on the port it names, which is their http port.
    for (const name of SERVICES) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const template = (findObject(objects, 'Deployment', name).spec as any).template;
      expect(template.metadata.labels).toMatchObject({ 'app.kubernetes.io/part-of': 'ticketing' });
      expect(template.metadata.annotations).toMatchObject({
        'prometheus.io/scrape': 'true',
        'prometheus.io/path': '/metrics',
      });
      const http = firstContainer(findObject(objects, 'Deployment', name)).ports.find(
        (p: { name: string }) => p.name === 'http',
      );
      expect(template.metadata.annotations['prometheus.io/port']).toBe(String(http.containerPort));
    }
    expect(findObject(objects, 'PrometheusRule', 'ticketing').spec).toEqual(rules);
  });

  it('when a PodMonitor or PrometheusRule has an unknown field, then its schema check fails', () => {
    const objects = structuredClone(renderOverlay('monitoring'));
    const podMonitor = findObject(objects, 'PodMonitor', 'ticketing');
    (podMonitor.spec as { endpoints?: unknown }).endpoints = [];
    const rule = findObject(objects, 'PrometheusRule', 'ticketing');
    (rule.spec as RuleFile).groups[0]!.rules[0]!.for = 'soon';
    expect(schemaProblems(podMonitor)).toEqual([expect.stringContaining('(endpoints)')]);
    expect(schemaProblems(rule)).toEqual([expect.stringContaining('/spec/groups/0/rules/0/for')]);
  });
});

describe('docs/operations.md', () => {
  it('when a metric is defined in the code, then docs/operations.md describes it', () => {
    const doc = read('docs/operations.md');
    expect(PLATFORM_METRICS.map((m) => m.name).filter((name) => !doc.includes(`\`${name}\``))).toEqual([]);
  });
});
