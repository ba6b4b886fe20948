import { useNow } from '../app/use-now';
import { useOtherMailStore } from './other-mail-store';
import { OtherMailRow } from './OtherMailRow';
import { PagedListPanel, type PagedListWords } from '../ui/PagedListPanel';

const WORDS: PagedListWords = {
  noun: 'other mail',
  title: 'Other mail',
  explanation: "Mailing lists, newsletters and automated notices land here instead of in a customer's conversation.",
  empty: 'No other mail',
  older: 'Show older mail',
  testId: 'other-mail',
};

export function OtherMailPanel() {
  const now = useNow(60_000);
  const list = useOtherMailStore();
  return (
    <PagedListPanel words={WORDS} list={list}>
      {(row) => <OtherMailRow key={row.id} row={row} selected={row.id === list.selectedId} now={now} onSelect={(id) => void list.select(id)} />}
    </PagedListPanel>
  );
}
