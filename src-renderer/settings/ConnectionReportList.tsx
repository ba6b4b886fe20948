import type { ConnectionReport, ConnectionStep } from '../../src-shared/domain/email-account';

const STEP_LABELS: Record<ConnectionStep['step'], string> = {
  dns: 'Server name (DNS)',
  tcp: 'Connection (TCP)',
  tls: 'Encryption (TLS)',
  auth: 'Sign-in',
  inbox: 'INBOX',
};

export function ConnectionReportList({ report }: { report: ConnectionReport }) {
  return (
    <ol className="connection-report" data-testid="email-test-report" data-ok={report.ok}>
      {report.steps.map((step) => (
        <li
          key={`${step.server}.${step.step}`}
          className={`connection-report__step connection-report__step--${step.ok ? 'ok' : 'failed'}`}
          data-testid="email-test-step"
          data-step={`${step.server}.${step.step}`}
          data-ok={step.ok}
        >
          <span className="connection-report__mark" aria-label={step.ok ? 'passed' : 'failed'}>
            {step.ok ? '✓' : '✗'}
          </span>
          <span className="connection-report__name">
            {step.server.toUpperCase()} · {STEP_LABELS[step.step]}
          </span>
          <span className="connection-report__message">{step.message}</span>
          <span className="connection-report__ms">{step.ms} ms</span>
        </li>
      ))}
    </ol>
  );
}
