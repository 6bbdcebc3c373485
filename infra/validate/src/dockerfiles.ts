/** Dockerfile checks: dockerfile-utils' linter (errors only), the rules every image keeps, the shared ARG SERVICE. */
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';

/** LSP's DiagnosticSeverity.Error: dockerfile-utils reports in language-server terms. */
const ERROR = 1;

export function lintProblems(content: string): string[] {
  return validate(content)
    .filter((d) => d.severity === ERROR)
    .map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
}

/** The last stage (the image `docker build` produces by default) runs as a non-root user in production mode. */
export function finalStageProblems(content: string): string[] {
  const froms = DockerfileParser.parse(content).getFROMs();
  const last = froms.at(-1);
  if (!last) return ['no FROM'];
  const startLine = last.getRange().start.line;
  const stage = DockerfileParser.parse(content)
    .getInstructions()
    .filter((i) => i.getRange().start.line >= startLine);
  const problems: string[] = [];
  const users = stage.filter((i) => i.getKeyword() === 'USER').map((i) => i.getArgumentsContent() ?? '');
  const user = users.at(-1);
  if (!user) problems.push('final stage sets no USER');
  else if (/^(root|0)(:|$)/.test(user)) problems.push(`final stage runs as ${user}`);
  const env = stage
    .filter((i) => i.getKeyword() === 'ENV')
    .map((i) => i.getArgumentsContent() ?? '')
    .join(' ');
  if (!/\bNODE_ENV=production\b/.test(env)) problems.push('final stage does not set NODE_ENV=production');
  return problems;
}

/** Names of the stages (`FROM ... AS name`). */
export function stageNames(content: string): string[] {
  return DockerfileParser.parse(content)
    .getFROMs()
    .map((from) => from.getBuildStage())
    .filter((name): name is string => !!name);
}

/** ARGs declared without a default: a build must pass them. */
export function requiredBuildArgs(content: string): string[] {
  return DockerfileParser.parse(content)
    .getARGs()
    .map((arg) => arg.getProperty())
    .filter((property) => property !== null && property.getValue() === null)
    .map((property) => property!.getName());
}

/** What a build (skaffold artifact, workflow step) fails to pass of the ARGs the Dockerfile requires. */
export function buildArgProblems(content: string, buildArgs: Record<string, string> = {}): string[] {
  return requiredBuildArgs(content)
    .filter((name) => !buildArgs[name])
    .map((name) => `ARG ${name} has no default and the build does not pass it`);
}

/** The programs that may be PID 1: each handles SIGTERM itself (tsx passes it on to the service it runs). */
const PID1 = ['node', 'tsx'];

/** Every CMD runs node or tsx directly: a shell or npx as PID 1 may never pass SIGTERM on to the service. */
export function pid1Problems(content: string): string[] {
  const dockerfile = DockerfileParser.parse(content);
  const line = (i: { getRange(): { start: { line: number } } }) => `line ${i.getRange().start.line + 1}`;
  return [
    ...dockerfile.getENTRYPOINTs().map((i) => `${line(i)}: ENTRYPOINT: CMD alone says what runs`),
    ...dockerfile.getCMDs().flatMap((cmd) => {
      const program = cmd.getJSONStrings()[0]?.getJSONValue();
      if (program === undefined) return [`${line(cmd)}: CMD in shell form runs under /bin/sh`];
      return PID1.includes(program) ? [] : [`${line(cmd)}: CMD runs ${program} as PID 1, not node or tsx`];
    }),
  ];
}

const SERVICE_REF = String.raw`\$\{?SERVICE\}?`;

/**
 * The shared service Dockerfile takes the service's folder as ARG SERVICE: declared without a default in the
 * first stage, refused there when empty (before any COPY could read the root instead), passed on as
 * ENV SERVICE, and so inherited by every later stage, each of which starts from an earlier one.
 */
export function serviceArgProblems(content: string): string[] {
  const dockerfile = DockerfileParser.parse(content);
  const froms = dockerfile.getFROMs();
  const firstStageEnd = froms[1]?.getRange().start.line ?? Infinity;
  const firstCopy = Math.min(
    ...dockerfile
      .getInstructions()
      .filter((i) => ['COPY', 'ADD'].includes(i.getKeyword()))
      .map((i) => i.getRange().start.line),
  );
  const inFirstStage = (keyword: string) =>
    dockerfile
      .getInstructions()
      .filter((i) => i.getKeyword() === keyword && i.getRange().start.line < firstStageEnd)
      .map((i) => ({ line: i.getRange().start.line, text: i.getArgumentsContent() ?? '' }));
  const problems: string[] = [];

  const arg = dockerfile.getARGs().find((a) => a.getProperty()?.getName() === 'SERVICE');
  if (!arg || arg.getRange().start.line >= firstStageEnd)
    problems.push('the first stage declares no ARG SERVICE');
  else if (arg.getProperty()!.getValue() !== null) problems.push('ARG SERVICE has a default');
  const emptyCheck = new RegExp(String.raw`\[ -z "${SERVICE_REF}" \][^]*exit 1`);
  if (!inFirstStage('RUN').some((run) => emptyCheck.test(run.text) && run.line < firstCopy))
    problems.push('no RUN of the first stage fails the build when SERVICE is empty, before any COPY');
  if (!inFirstStage('ENV').some((env) => new RegExp(String.raw`\bSERVICE=${SERVICE_REF}`).test(env.text)))
    problems.push('the first stage does not pass SERVICE on as ENV SERVICE');
  const stages = new Set<string>();
  froms.forEach((from, index) => {
    if (index > 0 && !stages.has(from.getImage() ?? ''))
      problems.push(`stage ${from.getBuildStage() ?? index} starts from ${from.getImage()}, without SERVICE`);
    stages.add(from.getBuildStage() ?? '');
  });
  return problems;
}

/** The instructions as written, without the comments between them. */
export const instructionsOf = (content: string): string[] =>
  DockerfileParser.parse(content)
    .getInstructions()
    .map((i) => i.getTextContent());
