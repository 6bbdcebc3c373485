/**
 * Long because it is one schema, written out field by field; the validator is its last lines.
 * A JSON schema for the part of skaffold's v4beta11 configuration this repository uses, closed with
 * additionalProperties: false so a misspelled or misplaced field fails here instead of in `skaffold dev`.
 */
import Ajv, { type JSONSchemaType } from 'ajv';

type Artifact = {
  image: string;
  context: string;
  docker: { dockerfile: string; target?: string; buildArgs?: Record<string, string> };
  sync?: { manual: { src: string; dest: string; strip?: string }[] };
};
type Manifests = { kustomize: { paths: string[] } };
export type SkaffoldConfig = {
  apiVersion: 'skaffold/v4beta11';
  kind: 'Config';
  metadata: { name: string };
  build: { local?: { push?: boolean; useBuildkit?: boolean }; artifacts: Artifact[] };
  manifests: Manifests;
  deploy: { kubectl: Record<string, never> };
  portForward?: {
    resourceType: string;
    resourceName: string;
    namespace?: string;
    port: number;
    localPort?: number;
  }[];
  profiles?: {
    name: string;
    patches?: { op: 'add' | 'replace' | 'remove'; path: string; value?: unknown }[];
    manifests?: Manifests;
  }[];
};

const closed = { type: 'object', additionalProperties: false } as const;
const manifests = {
  ...closed,
  required: ['kustomize'],
  properties: {
    kustomize: {
      ...closed,
      required: ['paths'],
      properties: { paths: { type: 'array', minItems: 1, items: { type: 'string' } } },
    },
  },
} as const;

const schema = {
  ...closed,
  required: ['apiVersion', 'kind', 'metadata', 'build', 'manifests', 'deploy'],
  properties: {
    apiVersion: { type: 'string', const: 'skaffold/v4beta11' },
    kind: { type: 'string', const: 'Config' },
    metadata: { ...closed, required: ['name'], properties: { name: { type: 'string' } } },
    build: {
      ...closed,
      required: ['artifacts'],
      properties: {
        local: {
          ...closed,
          properties: { push: { type: 'boolean' }, useBuildkit: { type: 'boolean' } },
        },
        artifacts: {
          type: 'array',
          minItems: 1,
          items: {
            ...closed,
            required: ['image', 'context', 'docker'],
            properties: {
              image: { type: 'string', pattern: '^[a-z0-9./_-]+$' },
              context: { type: 'string' },
              docker: {
                ...closed,
                required: ['dockerfile'],
                properties: {
                  dockerfile: { type: 'string' },
                  target: { type: 'string' },
                  buildArgs: { type: 'object', required: [], additionalProperties: { type: 'string' } },
                },
              },
              sync: {
                ...closed,
                required: ['manual'],
                properties: {
                  manual: {
                    type: 'array',
                    items: {
                      ...closed,
                      required: ['src', 'dest'],
                      properties: {
                        src: { type: 'string' },
                        dest: { type: 'string' },
                        strip: { type: 'string' },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    manifests,
    deploy: {
      ...closed,
      required: ['kubectl'],
      properties: { kubectl: { ...closed, required: [] } },
    },
    portForward: {
      type: 'array',
      items: {
        ...closed,
        required: ['resourceType', 'resourceName', 'port'],
        properties: {
          resourceType: { type: 'string', enum: ['service', 'pod', 'deployment', 'statefulset'] },
          resourceName: { type: 'string' },
          namespace: { type: 'string' },
          port: { type: 'integer' },
          localPort: { type: 'integer' },
        },
      },
    },
    profiles: {
      type: 'array',
      items: {
        ...closed,
        required: ['name'],
        properties: {
          name: { type: 'string' },
          patches: {
            type: 'array',
            items: {
              ...closed,
              required: ['op', 'path'],
              properties: {
                op: { type: 'string', enum: ['add', 'replace', 'remove'] },
                path: { type: 'string', pattern: '^/' },
                value: {},
              },
            },
          },
          manifests: { ...manifests },
        },
      },
    },
  },
};

const validator = new Ajv({ allErrors: true }).compile(schema as unknown as JSONSchemaType<SkaffoldConfig>);

export function skaffoldProblems(config: unknown): string[] {
  if (validator(config)) return [];
  return (validator.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}
