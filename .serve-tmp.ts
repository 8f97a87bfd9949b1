import { startServer } from './tests/helpers/startServer.ts';
const s = await startServer({ config: { rendererDir: '/tmp/kf-dist/renderer' } });
console.log(s.baseUrl);
