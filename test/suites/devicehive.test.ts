import { proveSuite } from '../helpers/prove-suite.ts';

proveSuite('devicehive', 'devicehive-4');
