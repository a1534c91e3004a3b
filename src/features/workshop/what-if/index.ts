export { WhatIfPanel, type WhatIfPanelProps } from './what-if-panel';
