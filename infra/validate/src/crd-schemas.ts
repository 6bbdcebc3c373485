/**
 * Long because it is one table: a closed schema per custom resource kind, with the validator at the end.
 * Schemas of the custom resources the manifests use and kubernetes-models does not ship: Gateway API
 * (gateway.networking.k8s.io/v1 GatewayClass, Gateway, HTTPRoute), External Secrets
 * (external-secrets.io/v1 ExternalSecret) and the Prometheus Operator (monitoring.coreos.com/v1 PodMonitor,
 * PrometheusRule; the fields the manifests use, closed). Written from the upstream CRDs' OpenAPI schemas, limited to the
 * fields those CRDs define (names, types, enums, required) and closed: a field the CRD does not have is an
 * error here, where the API server would reject or silently prune it. `kubectl kustomize | kubeconform`
 * in CI checks the same objects against the published CRD schemas.
 */
import Ajv, { type AnySchema } from 'ajv';
import type { K8sObject } from './kustomize';
import { RULE_GROUPS_SCHEMA } from './prometheus';

type Schema = Record<string, unknown>;
const str = { type: 'string', minLength: 1 };
const closed = (properties: Record<string, unknown>, required: string[] = []): Schema => ({
  type: 'object',
  additionalProperties: false,
  properties,
  required,
});
const list = (items: unknown, minItems = 0): Schema => ({ type: 'array', items, minItems });
const port = { type: 'integer', minimum: 1, maximum: 65535 };
const metadata = {
  type: 'object',
  required: ['name'],
  properties: { name: str, namespace: str, labels: { type: 'object' }, annotations: { type: 'object' } },
};
const resource = (apiVersion: string, kind: string, spec: Schema): Schema =>
  closed({ apiVersion: { const: apiVersion }, kind: { const: kind }, metadata, spec }, [
    'apiVersion',
    'kind',
    'metadata',
    'spec',
  ]);

const GATEWAY_API = 'gateway.networking.k8s.io/v1';
const objectReference = closed({ group: { type: 'string' }, kind: str, name: str, namespace: str }, ['name']);
const parentReference = closed(
  { group: { type: 'string' }, kind: str, namespace: str, name: str, sectionName: str, port },
  ['name'],
);
const listener = closed(
  {
    name: str,
    hostname: str,
    port,
    protocol: str,
    tls: closed({
      mode: { enum: ['Terminate', 'Passthrough'] },
      certificateRefs: list(objectReference),
      options: { type: 'object' },
    }),
    allowedRoutes: closed({
      namespaces: closed({ from: { enum: ['All', 'Selector', 'Same'] }, selector: { type: 'object' } }),
      kinds: list(closed({ group: { type: 'string' }, kind: str }, ['kind'])),
    }),
  },
  ['name', 'port', 'protocol'],
);
const pathMatch = closed({
  type: { enum: ['Exact', 'PathPrefix', 'RegularExpression'] },
  value: { type: 'string', maxLength: 1024 },
});
const filter = closed(
  {
    type: {
      enum: [
        'RequestHeaderModifier',
        'ResponseHeaderModifier',
        'RequestMirror',
        'RequestRedirect',
        'URLRewrite',
        'ExtensionRef',
      ],
    },
    requestRedirect: closed({
      scheme: { enum: ['http', 'https'] },
      hostname: str,
      path: { type: 'object' },
      port,
      statusCode: { enum: [301, 302] },
    }),
    requestHeaderModifier: { type: 'object' },
    responseHeaderModifier: { type: 'object' },
    requestMirror: { type: 'object' },
    urlRewrite: { type: 'object' },
    extensionRef: { type: 'object' },
  },
  ['type'],
);
const backendRef = closed(
  {
    group: { type: 'string' },
    kind: str,
    name: str,
    namespace: str,
    port,
    weight: { type: 'integer', minimum: 0 },
    filters: list(filter),
  },
  ['name'],
);

const EXTERNAL_SECRETS = 'external-secrets.io/v1';
const remoteRef = closed(
  {
    key: str,
    property: str,
    version: str,
    metadataPolicy: { enum: ['None', 'Fetch'] },
    decodingStrategy: { enum: ['Auto', 'Base64', 'Base64URL', 'None'] },
    conversionStrategy: { enum: ['Default', 'Unicode'] },
  },
  ['key'],
);

const MONITORING = 'monitoring.coreos.com/v1';
const labelSelector = closed({
  matchLabels: { type: 'object', additionalProperties: { type: 'string' } },
  matchExpressions: list(
    closed({ key: str, operator: { enum: ['In', 'NotIn', 'Exists', 'DoesNotExist'] }, values: list(str) }, [
      'key',
      'operator',
    ]),
  ),
});
const relabelConfig = closed({
  // The CRD accepts each action in lower case and in Prometheus' own spelling.
  action: {
    enum: [
      ...['replace', 'keep', 'drop', 'hashmod', 'labelmap', 'labeldrop', 'labelkeep'],
      ...['lowercase', 'uppercase', 'keepequal', 'dropequal'],
      ...['Replace', 'Keep', 'Drop', 'HashMod', 'LabelMap', 'LabelDrop', 'LabelKeep'],
      ...['Lowercase', 'Uppercase', 'KeepEqual', 'DropEqual'],
    ],
  },
  sourceLabels: list(str),
  separator: { type: 'string' },
  targetLabel: str,
  regex: { type: 'string' },
  modulus: { type: 'integer', minimum: 1 },
  replacement: { type: 'string' },
});
const podMetricsEndpoint = closed({
  port: str,
  portNumber: port,
  path: str,
  scheme: { enum: ['http', 'https'] },
  interval: str,
  scrapeTimeout: str,
  honorLabels: { type: 'boolean' },
  relabelings: list(relabelConfig),
  metricRelabelings: list(relabelConfig),
});

export const CRD_SCHEMAS: Record<string, Schema> = {
  [`${MONITORING}/PodMonitor`]: resource(
    MONITORING,
    'PodMonitor',
    closed(
      {
        selector: labelSelector,
        namespaceSelector: closed({ any: { type: 'boolean' }, matchNames: list(str) }),
        podMetricsEndpoints: list(podMetricsEndpoint, 1),
        jobLabel: str,
        podTargetLabels: list(str),
      },
      ['selector', 'podMetricsEndpoints'],
    ),
  ),
  [`${MONITORING}/PrometheusRule`]: resource(
    MONITORING,
    'PrometheusRule',
    closed({ groups: RULE_GROUPS_SCHEMA }, ['groups']),
  ),
  [`${GATEWAY_API}/GatewayClass`]: resource(
    GATEWAY_API,
    'GatewayClass',
    closed({ controllerName: str, description: str, parametersRef: { type: 'object' } }, ['controllerName']),
  ),
  [`${GATEWAY_API}/Gateway`]: resource(
    GATEWAY_API,
    'Gateway',
    closed(
      {
        gatewayClassName: str,
        listeners: list(listener, 1),
        addresses: list({ type: 'object' }),
        infrastructure: { type: 'object' },
      },
      ['gatewayClassName', 'listeners'],
    ),
  ),
  [`${GATEWAY_API}/HTTPRoute`]: resource(
    GATEWAY_API,
    'HTTPRoute',
    closed({
      parentRefs: list(parentReference),
      hostnames: list(str),
      rules: list(
        closed({
          name: str,
          matches: list(
            closed({
              path: pathMatch,
              headers: list({ type: 'object' }),
              queryParams: list({ type: 'object' }),
              method: str,
            }),
          ),
          filters: list(filter),
          backendRefs: list(backendRef),
          timeouts: closed({ request: str, backendRequest: str }),
        }),
      ),
    }),
  ),
  [`${EXTERNAL_SECRETS}/ExternalSecret`]: resource(
    EXTERNAL_SECRETS,
    'ExternalSecret',
    closed({
      refreshInterval: str,
      refreshPolicy: { enum: ['CreatedOnce', 'Periodic', 'OnChange'] },
      secretStoreRef: closed({ name: str, kind: { enum: ['SecretStore', 'ClusterSecretStore'] } }, ['name']),
      target: closed({
        name: str,
        creationPolicy: { enum: ['Owner', 'Orphan', 'Merge', 'None'] },
        deletionPolicy: { enum: ['Delete', 'Merge', 'Retain'] },
        immutable: { type: 'boolean' },
        template: closed({
          type: str,
          engineVersion: { enum: ['v2'] },
          mergePolicy: { enum: ['Replace', 'Merge'] },
          metadata: { type: 'object' },
          data: { type: 'object' },
          templateFrom: list({ type: 'object' }),
        }),
      }),
      data: list(
        closed({ secretKey: str, remoteRef, sourceRef: { type: 'object' } }, ['secretKey', 'remoteRef']),
      ),
      dataFrom: list({ type: 'object' }),
    }),
  ),
};

const ajv = new Ajv({ allErrors: true, strict: true });
const validators = new Map(
  Object.entries(CRD_SCHEMAS).map(([key, schema]) => [key, ajv.compile(schema as AnySchema)]),
);

const CUSTOM_GROUPS = new Set(['gateway.networking.k8s.io', 'external-secrets.io', 'monitoring.coreos.com']);

/** Whether the object is a custom resource of a group these schemas cover (any kind of that group). */
export const isCustomResource = (object: Pick<K8sObject, 'apiVersion'>) =>
  CUSTOM_GROUPS.has(object.apiVersion.split('/')[0]!);

/** Problems of a custom resource against its schema; a kind without a schema here is a problem too. */
export function crdProblems(object: K8sObject): string[] {
  const validate = validators.get(`${object.apiVersion}/${object.kind}`);
  if (!validate)
    return [`${object.kind}/${object.metadata.name}: no schema for ${object.apiVersion} ${object.kind}`];
  if (validate(object)) return [];
  return (validate.errors ?? []).map(
    (e) =>
      `${object.kind}/${object.metadata.name}${e.instancePath}: ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`,
  );
}
