import { render } from 'preact';

render(<p>Renewal Scout</p>, document.getElementById('app') as HTMLElement);
