interface SearchInputProps {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  label: string;
  testId: string;
}

/** A search field that Escape clears, as people expect from every search box in the app. */
export function SearchInput({ value, onChange, placeholder, label, testId }: SearchInputProps) {
  return (
    <div className="search-box">
      <input
        type="search"
        data-testid={testId}
        className="search-box__input"
        placeholder={placeholder}
        aria-label={label}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onChange('');
        }}
      />
    </div>
  );
}
