const UNCONNECTED_CHANNELS = ['SMS', 'Email', 'WhatsApp'] as const;

/** Only notes can be written today; the channels are shown so people know where replies will go. */
export function ModeTabs() {
  return (
    <div className="mode-tabs" role="tablist" aria-label="Composer mode">
      <button type="button" role="tab" aria-selected="true" className="mode-tab is-active">
        Note
      </button>
      {UNCONNECTED_CHANNELS.map((channel) => (
        <span key={channel} title={`${channel} is not connected yet`}>
          <button type="button" role="tab" aria-selected="false" className="mode-tab" disabled>
            {channel}
          </button>
        </span>
      ))}
    </div>
  );
}
