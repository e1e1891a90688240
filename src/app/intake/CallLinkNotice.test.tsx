import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CallLinkProblem } from './CallLinkNotice';

describe('CallLinkProblem', () => {
  const html = renderToStaticMarkup(
    <CallLinkProblem problem="The call link was refused: it has from= more than once." onDismiss={() => {}} />,
  );

  it('is announced at once, since a phone is ringing', () => {
    expect(html).toMatch(/^<div class="call-link-notice" role="alert"/);
  });

  it('says why the link was refused and what to do instead', () => {
    expect(html).toContain('The call link was refused: it has from= more than once. Ask the caller for their number and type it in.');
  });

  it('can be dismissed with a button', () => {
    expect(html).toContain('<button type="button">Dismiss</button>');
  });
});
