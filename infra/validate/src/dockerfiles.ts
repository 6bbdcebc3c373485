/** Dockerfile checks: dockerfile-utils' linter (errors only) and the rules every final stage must keep. */
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
