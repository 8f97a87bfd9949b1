import { PARTICIPANTS } from '../../../../engine/participants.ts';
import { Checkbox } from '../../components/Checkbox.tsx';
import { TextField } from '../../components/TextField.tsx';
import type { DraftDefinition } from '../editorTypes.ts';

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Title, description, category, legal basis, retention, lead (Kreis or introducing Kommunen), version and changelog. */
export function MetaEditor({ definition, onChange, problemAt }: { definition: DraftDefinition; onChange: (next: DraftDefinition) => void; problemAt: (pointer: string) => string | undefined }) {
  const set = (key: string, value: unknown) => {
    const next: DraftDefinition = { ...definition, [key]: value };
    if (value === undefined) delete next[key];
    onChange(next);
  };
  const lead = (definition.lead ?? { kind: 'kreis' }) as { kind: string; participants?: string[] };
  const leadParticipants = lead.kind === 'kommunen' ? (lead.participants ?? []) : [];
  const changelog = (definition.changelog ?? { date: '', summary: '' }) as { date: string; summary: string };
  const kommunen = PARTICIPANTS.filter((participant) => participant.kind === 'kommune');
  const toggleKommune = (slug: string, checked: boolean) => {
    const participants = checked ? [...leadParticipants, slug] : leadParticipants.filter((entry) => entry !== slug);
    set('lead', participants.length > 0 ? { kind: 'kommunen', participants } : { kind: 'kreis' });
  };

  return (
    <div className="kern-stack">
      <TextField id="meta-titel" label="Titel" value={text(definition.title)} onChange={(value) => set('title', value)} required error={problemAt('/title')} />
      <TextField id="meta-beschreibung" label="Beschreibung" multiline rows={3} value={text(definition.description)} onChange={(value) => set('description', value)} required error={problemAt('/description')} />
      <TextField id="meta-kategorie" label="Kategorie" value={text(definition.category)} onChange={(value) => set('category', value || undefined)} error={problemAt('/category')} />
      <TextField id="meta-rechtsgrundlage" label="Rechtsgrundlage" value={text(definition.legalBasis)} onChange={(value) => set('legalBasis', value || undefined)} error={problemAt('/legalBasis')} />
      <TextField
        id="meta-aufbewahrung"
        label="Aufbewahrung in Tagen"
        type="number"
        value={typeof definition.retentionDays === 'number' ? String(definition.retentionDays) : ''}
        onChange={(value) => set('retentionDays', value === '' ? undefined : Number(value))}
        required
        error={problemAt('/retentionDays')}
      />
      <fieldset className="kern-fieldset">
        <legend className="kern-label">Federführung (§ 1 Abs. 3 der Vereinbarung)</legend>
        <div className="kern-hint">Ohne Auswahl führt der Kreis. Führen einzelne Kommunen den Dienst ein, wählen Sie diese aus.</div>
        <div className="kern-fieldset__body editor-lead">
          {kommunen.map((participant) => (
            <Checkbox key={participant.slug} id={`federfuehrung-${participant.slug}`} label={participant.shortName} checked={leadParticipants.includes(participant.slug)} onChange={(checked) => toggleKommune(participant.slug, checked)} />
          ))}
        </div>
      </fieldset>
      <div className="editor-row">
        <TextField id="meta-version" label="Version" value={text(definition.version)} onChange={(value) => set('version', value)} required hint="MAJOR.MINOR.PATCH, z. B. 1.1.0" error={problemAt('/version')} />
        <TextField id="meta-aenderung-datum" label="Datum der Änderung" type="date" value={changelog.date} onChange={(date) => set('changelog', { ...changelog, date })} required error={problemAt('/changelog/date')} />
      </div>
      <TextField id="meta-aenderung" label="Änderungsvermerk" multiline rows={2} value={changelog.summary} onChange={(summary) => set('changelog', { ...changelog, summary })} required hint="Was hat sich in dieser Version geändert? Die Kommunen sehen diesen Text." error={problemAt('/changelog/summary')} />
    </div>
  );
}
