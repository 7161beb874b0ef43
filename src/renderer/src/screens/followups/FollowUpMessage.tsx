// The reminder for one follow-up, written in any of the patient's languages (the first preferred; the coordinator
// picks another), to copy into the messenger, or opened in the messenger's own chat where it has a public link
// (the main process opens only those hosts).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueFollowUp } from '../../../../shared/contract/followups';
import {
  followUpMessage,
  messageLanguagesOf,
  messengerLink,
  type MessageLanguage,
} from '../../../../shared/domain/messages/follow-up-message';

export function FollowUpMessage({ followUp, clinicName }: { readonly followUp: DueFollowUp; readonly clinicName: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const languages = messageLanguagesOf(followUp.languages);
  const [language, setLanguage] = useState<MessageLanguage>(languages[0]!);
  const selectId = useId();
  const text = followUpMessage(
    { patientName: followUp.latinName, clinicName, step: followUp.step, ask: followUp.ask, photos: followUp.photos },
    language,
  );
  const links = followUp.messengers
    .map((messenger) => ({ kind: messenger.kind, href: messengerLink(messenger.kind, messenger.handle, text) }))
    .filter((link): link is { kind: typeof link.kind; href: string } => link.href !== null);

  return (
    <details className="followup__message">
      <summary>{t('followups.message')}</summary>
      <div className="followup__message-language">
        <label htmlFor={selectId}>{t('followups.messageLanguage')}</label>{' '}
        <select
          id={selectId}
          name="messageLanguage"
          value={language}
          onChange={(event) => {
            setLanguage(event.target.value as MessageLanguage);
            setCopied(false);
          }}
          data-message-language
        >
          {languages.map((tag) => (
            <option key={tag} value={tag}>
              {t(`languages.${tag}`)}
            </option>
          ))}
        </select>
      </div>
      <pre
        className="followup__message-text"
        lang={language}
        dir={language === 'ar' ? 'rtl' : 'auto'}
        data-message
        data-language={language}
      >
        {text}
      </pre>
      <div className="followup__message-actions">
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(text).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
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
