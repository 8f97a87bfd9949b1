import { Alert } from '../../components/Alert.tsx';

const IMPORT_KINDS: Readonly<Record<string, string>> = {
  jsonschema: 'JSON Schema (react-jsonschema-form, JSON Forms)',
  digiwf: 'DigiWF',
  formio: 'Form.io',
  surveyjs: 'SurveyJS',
  'fim-xdf': 'FIM XDatenfelder',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Marks an imported draft: where it came from and the source's rules that are kept as text for the editor to model. */
export function ImportedNotice({ source }: { source: unknown }) {
  if (!isRecord(source) || typeof source.kind !== 'string' || !IMPORT_KINDS[source.kind]) return null;
  const rules = Array.isArray(source.rules) ? source.rules.filter(isRecord) : [];
  return (
    <Alert kind="info" title="Importierter Entwurf">
      <p className="kern-body">
        Aus {IMPORT_KINDS[source.kind]} importiert{typeof source.schemaId === 'string' && source.schemaId ? ` („${source.schemaId}“)` : ''}.
        {rules.length > 0
          ? ` ${rules.length} Regeln der Quelle wurden nicht übernommen; sie stehen als Text unter „source.rules“ im JSON und sind hier von Hand nachzubilden:`
          : ' Prüfen Sie Texte, Pflichtfelder und Bedingungen, bevor Sie veröffentlichen.'}
      </p>
      {rules.length > 0 ? (
        <ul className="kern-list">
          {rules.slice(0, 20).map((rule, index) => (
            <li key={`${index}-${String(rule.id)}`} className="kern-body">
              {typeof rule.name === 'string' && rule.name ? rule.name : String(rule.id)}
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
