// The technician's notes and the parts used (description + quantity), saved
// whole with recordVisitWork; a refused line is marked where it is.
import { useId, useState } from 'react';
import { PARTS_MAX, PART_QUANTITY_MAX, WORK_NOTES_MAX } from '../../domain/visits';
import type { VisitRecord } from '../../protocol/records';
import { useServices } from '../services';
import { refusalOf, type Refusal } from './refusal';

interface PartLine {
  key: number;
  description: string;
  quantity: string;
}

export function WorkForm({ visit }: { visit: VisitRecord }) {
  const { repos } = useServices();
  const id = useId();
  const [notes, setNotes] = useState(visit.workNotes);
  const [lines, setLines] = useState<PartLine[]>(() =>
    visit.parts.map((p, i) => ({ key: i, description: p.description, quantity: String(p.quantity) })),
  );
  const [nextKey, setNextKey] = useState(visit.parts.length);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saved, setSaved] = useState(false);

  const update = (key: number, change: Partial<PartLine>) => {
    setSaved(false);
    setLines((all) => all.map((l) => (l.key === key ? { ...l, ...change } : l)));
  };

  async function save() {
    setRefusal(null);
    setSaved(false);
    try {
      const parts = lines.map((l) => ({
        description: l.description,
        quantity: /^\d+$/.test(l.quantity.trim()) ? Number(l.quantity) : NaN,
      }));
      await repos.visits.recordWork(visit.id, notes, parts);
      setSaved(true);
    } catch (e) {
      setRefusal(refusalOf(e));
    }
  }

  const badLine = refusal?.field ? /^parts\.(\d+)/.exec(refusal.field) : null;
  const badIndex = badLine ? Number(badLine[1]) : -1;
  const errorId = `${id}-error`;

  return (
    <form
      className="visit-work"
      aria-label="Notes and parts used"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      noValidate
    >
      <h4>Notes and parts used</h4>
      <div className="field">
        <label htmlFor={`${id}-notes`}>Work notes</label>
        <textarea
          id={`${id}-notes`}
          rows={3}
          maxLength={WORK_NOTES_MAX}
          value={notes}
          onChange={(e) => {
            setSaved(false);
            setNotes(e.target.value);
          }}
        />
      </div>
      {lines.length > 0 && (
        <table className="data-table parts-table">
          <caption className="visually-hidden">Parts used</caption>
          <thead>
            <tr>
              <th scope="col">Part</th>
              <th scope="col">Quantity</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => (
              <tr key={l.key} data-testid="part-line">
                <td>
                  <input
                    aria-label={`Part ${i + 1} description`}
                    value={l.description}
                    maxLength={200}
                    onChange={(e) => update(l.key, { description: e.target.value })}
                    aria-invalid={badIndex === i ? true : undefined}
                    aria-describedby={badIndex === i ? errorId : undefined}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Part ${i + 1} quantity`}
                    type="number"
                    min={1}
                    max={PART_QUANTITY_MAX}
                    step={1}
                    value={l.quantity}
                    onChange={(e) => update(l.key, { quantity: e.target.value })}
                    aria-invalid={badIndex === i ? true : undefined}
                    aria-describedby={badIndex === i ? errorId : undefined}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    onClick={() => {
                      setSaved(false);
                      setLines((all) => all.filter((x) => x.key !== l.key));
                    }}
                  >
                    Remove part {i + 1}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {refusal && (
        <p className="field-error" id={errorId} role="alert" data-testid="work-error">
          {badIndex >= 0 ? `Part ${badIndex + 1}: ` : ''}
          {refusal.message}
        </p>
      )}
      <div className="modal-actions">
        <button
          type="button"
          disabled={lines.length >= PARTS_MAX}
          onClick={() => {
            setSaved(false);
            setLines((all) => [...all, { key: nextKey, description: '', quantity: '1' }]);
            setNextKey(nextKey + 1);
          }}
        >
          Add a part
        </button>
        <button type="submit">Save notes and parts</button>
        <span role="status" className="muted" data-testid="work-saved">
          {saved ? 'Saved on this desk; it syncs when online.' : ''}
        </span>
      </div>
    </form>
  );
}
