// The reminder for one follow-up, written in the patient's language (Korean or English for now), to copy into the
// messenger, or opened in the messenger's own chat where it has a public link (the main process opens only
// those hosts).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueFollowUp } from '../../../../shared/contract/followups';
import { followUpMessage, messengerLink } from '../../../../shared/domain/messages/follow-up-message';

export function FollowUpMessage({ followUp, clinicName }: { readonly followUp: DueFollowUp; readonly clinicName: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const language = followUp.languages.find((tag) => tag === 'ko' || tag === 'en') ?? 'en';
  const text = followUpMessage(
    { patientName: followUp.latinName, clinicName, ask: followUp.ask, photos: followUp.photos },
    language,
  );
  const links = followUp.messengers
    .map((messenger) => ({ kind: messenger.kind, href: messengerLink(messenger.kind, messenger.handle, text) }))
    .filter((link): link is { kind: typeof link.kind; href: string } => link.href !== null);

  return (
    <details className="followup__message">
      <summary>{t('followups.message')}</summary>
      <pre className="followup__message-text" lang={language} data-message>
        {text}
      </pre>
      <div className="followup__message-actions">
        <button
          type="button"
          onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true), () => setCopied(false))}
        >
          {copied ? t('followups.copied') : t('followups.copy')}
        </button>
        {links.map((link) => (
          <a key={link.kind} className="button" href={link.href} target="_blank" rel="noreferrer noopener" data-messenger-link={link.kind}>
            {t('followups.openIn', { messenger: t(`messengers.${link.kind}`) })}
          </a>
        ))}
      </div>
    </details>
  );
}
