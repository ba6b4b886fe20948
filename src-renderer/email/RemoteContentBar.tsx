interface RemoteContentBarProps {
  sender: string | null;
  /** Why "Always for this sender" did not stick, if it did not. */
  error: string | null;
  onLoad: () => void;
  onAlways: (sender: string) => void;
}

export function RemoteContentBar({ sender, error, onLoad, onAlways }: RemoteContentBarProps) {
  return (
    <div className="remote-content-bar" role="note" data-testid="remote-content-bar">
      <span>Remote images are hidden to protect your privacy.</span>
      <button type="button" className="link-button" data-testid="load-images" onClick={onLoad}>
        Load images
      </button>
      {sender && (
        <>
          <span aria-hidden="true">·</span>
          <button type="button" className="link-button" data-testid="always-load-images" onClick={() => onAlways(sender)}>
            Always for {sender}
          </button>
        </>
      )}
      {error && (
        <span className="remote-content-bar__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
