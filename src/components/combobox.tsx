import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import './combobox.css';

export type ComboboxOption = {
  value: string;
  label: string;
  /** A second line that tells options of the same name apart (a kommun's län, a region's kind). */
  detail?: string;
  /** Further words the option is found by, such as its code. */
  keywords?: string;
};

type ComboboxProps = {
  id: string;
  value: string;
  options: readonly ComboboxOption[];
  onChange: (value: string) => void;
  onBlur?: () => void;
  placeholder?: string;
  /** Read out when the list changes: how many options match. */
  countText: (count: number) => string;
  noMatchText: string;
  describedBy?: string | undefined;
  invalid?: boolean;
  /** At most this many options are listed at once; typing narrows the list. */
  limit?: number;
};

/** Folds case and diacritics so that "vaxjo" finds Växjö and "ostergotland" finds Östergötland. */
export const foldForSearch = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('sv');

/** Options whose label, detail or keywords contain every word typed, those whose label starts with the text first. */
export function matchOptions(options: readonly ComboboxOption[], query: string): ComboboxOption[] {
  const q = foldForSearch(query.trim());
  if (!q) return [...options];
  const words = q.split(/\s+/);
  const hits = options.filter((o) => {
    const hay = foldForSearch(`${o.label} ${o.detail ?? ''} ${o.keywords ?? ''}`);
    return words.every((w) => hay.includes(w));
  });
  const starts = (o: ComboboxOption) => (foldForSearch(o.label).startsWith(q) ? 0 : 1);
  return hits.sort((a, b) => starts(a) - starts(b));
}

/**
 * A text field with a list of suggestions (the WAI-ARIA combobox pattern, list autocomplete): type to
 * narrow, arrow keys to move, Enter or Tab to choose the highlighted one, Escape to close. The field shows the chosen option's label;
 * the value handed on is the option's value.
 */
export function Combobox({ id, value, options, onChange, onBlur, placeholder, countText, noMatchText, describedBy, invalid, limit = 50 }: ComboboxProps) {
  const listId = useId();
  const statusId = useId();
  const chosen = options.find((o) => o.value === value);
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const text = query ?? chosen?.label ?? '';
  const matches = useMemo(() => matchOptions(options, query ?? ''), [options, query]);
  const shown = matches.slice(0, limit);

  const choose = (option: ComboboxOption) => {
    onChange(option.value);
    setQuery(null);
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(0);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (shown.length === 0 ? 0 : (i + step + shown.length) % shown.length));
    } else if (event.key === 'Enter' && open) {
      const option = shown[active];
      if (option) {
        event.preventDefault();
        choose(option);
      }
    } else if (event.key === 'Tab' && open && query) {
      // Automatic selection (WAI-ARIA APG): leaving with Tab accepts the highlighted suggestion.
      const option = shown[active];
      if (option) choose(option);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      setQuery(null);
    }
  };

  const activeId = open && shown[active] ? `${listId}-${active}` : undefined;
  return (
    <div className="combobox">
      <input
        ref={inputRef}
        id={id}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-describedby={[statusId, describedBy].filter(Boolean).join(' ') || undefined}
        aria-invalid={invalid || undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(false)}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          // A click on an option lands after the blur; the option's mousedown keeps the focus instead.
          setOpen(false);
          setQuery(null);
          onBlur?.();
        }}
      />
      <ul id={listId} role="listbox" className="combobox__list" hidden={!open} aria-label={placeholder}>
        {shown.map((option, i) => (
          <li
            key={option.value}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={`combobox__option${i === active ? ' combobox__option--active' : ''}`}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(option);
              inputRef.current?.focus();
            }}
          >
            <span className="combobox__label">{option.label}</span>
            {option.detail ? <span className="combobox__detail">{option.detail}</span> : null}
          </li>
        ))}
        {shown.length === 0 ? <li className="combobox__empty" role="presentation">{noMatchText}</li> : null}
      </ul>
      <span id={statusId} className="visually-hidden" aria-live="polite">
        {open ? (matches.length === 0 ? noMatchText : countText(matches.length)) : ''}
      </span>
    </div>
  );
}
