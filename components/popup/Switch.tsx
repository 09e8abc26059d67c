/** A labelled on/off switch (a checkbox with role=switch, styled in the popup's CSS). */
export function Switch(props: { testId: string; label: string; checked: boolean; disabled?: boolean; onChange(on: boolean): void }) {
  return (
    <label class="switch">
      <span>{props.label}</span>
      <input
        type="checkbox"
        role="switch"
        data-testid={props.testId}
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
      />
    </label>
  );
}
