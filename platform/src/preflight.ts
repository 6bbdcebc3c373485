import { hasClient } from './components';
import { type PlatformConfig } from './config';
import { portInUse } from './run-lock';
import { instancePorts } from './service-ports';

/**
 * Fails the start, naming each port and its owner, when a port the platform needs is taken; waits up to
 * `patienceMs` for ports that a killed leftover is still releasing.
 */
export async function preflight(config: PlatformConfig, patienceMs: number): Promise<void> {
  const ports = {
    gateway: config.gatewayPort,
    'stripe-emulator': config.emulatorPort,
    'maildev (SMTP)': config.maildevSmtpPort,
    'maildev (inbox)': config.maildevWebPort,
    ...Object.fromEntries(
      Object.entries(instancePorts(config)).flatMap(([name, ports]) =>
        ports.map((port, i) => [i === 0 ? name : `${name}-${i + 1}`, port]),
      ),
    ),
  };
  const deadline = Date.now() + patienceMs;
  let busy: string[];
  for (;;) {
    busy = [];
    for (const [name, port] of Object.entries(ports)) {
      if (name === 'client' && !hasClient(config.root)) continue;
      if (await portInUse(port)) busy.push(`${port} (${name})`);
    }
    if (!busy.length || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (busy.length) {
    throw new Error(
      `port(s) already in use: ${busy.join(', ')}. Another platform or service is running; stop it, or pick ` +
        `other ports (PORT for the gateway, SERVICE_PORT_BASE, STRIPE_EMULATOR_PORT, MAILDEV_SMTP_PORT, MAILDEV_WEB_PORT).`,
    );
  }
}
