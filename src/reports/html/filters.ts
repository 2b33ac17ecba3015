import { createHash } from 'node:crypto';
import { LEVELS, type Transport } from '../../specs/families.ts';
import { esc } from './escape.ts';

/**
 * The page's only script: the filters and the search hide rows (the `hidden` attribute, so with scripts off every
 * row simply shows), and the copy buttons (hidden until this script shows them) copy a reproduction.
 */
export const FILTER_SCRIPT = `(function(){
var q=function(s){return document.getElementById(s)};
var rows=Array.prototype.slice.call(document.querySelectorAll('tbody.requirement'));
function has(list,word){return (' '+(list||'')+' ').indexOf(' '+word+' ')>=0}
function apply(){
  var st=q('f-status').value,lv=q('f-level').value,ct=q('f-category').value,tp=q('f-transport').value,s=q('f-search').value.trim().toLowerCase(),n=0;
  rows.forEach(function(r){
    var on=tp?r.getAttribute('data-t-'+tp):r.getAttribute('data-status')+' '+r.getAttribute('data-verdict');
    var ok=(!tp||on!==null)&&(!st||has(on,st))&&(!lv||r.getAttribute('data-level')===lv)&&(!ct||r.getAttribute('data-category')===ct)&&(!s||r.getAttribute('data-search').indexOf(s)>=0);
    r.hidden=!ok;if(ok)n++;
  });
  q('f-count').textContent=n+' of '+rows.length+' requirements';
}
['f-status','f-level','f-category','f-transport'].forEach(function(id){q(id).addEventListener('change',apply)});
q('f-search').addEventListener('input',apply);
Array.prototype.forEach.call(document.querySelectorAll('button.copy'),function(b){b.hidden=false});
document.addEventListener('click',function(e){
  var b=e.target;if(!b||!b.classList||!b.classList.contains('copy'))return;
  var pre=b.closest('.repro').querySelector('pre'),text=pre.textContent;
  function done(){b.textContent='copied';setTimeout(function(){b.textContent='copy'},1500)}
  function fallback(){var r=document.createRange();r.selectNodeContents(pre);var sel=getSelection();sel.removeAllRanges();sel.addRange(r);try{document.execCommand('copy');done()}catch(x){b.textContent='select and copy'}}
  if(navigator.clipboard&&navigator.clipboard.writeText)navigator.clipboard.writeText(text).then(done,fallback);else fallback();
});
apply();
})();`;

/** The page's Content-Security-Policy allows this one script by its hash: no other script can run. */
export const FILTER_SCRIPT_HASH = createHash('sha256').update(FILTER_SCRIPT).digest('base64');

function select(id: string, label: string, options: ReadonlyArray<readonly [string, string]>): string {
  return `<label for="${id}">${esc(label)} <select id="${id}"><option value="">all</option>${options.map(([v, l]) => `<option value="${esc(v)}">${esc(l)}</option>`).join('')}</select></label>`;
}

const STATUSES = [
  ['failed', 'failed (MUST and warnings)'],
  ['warning', 'warning (SHOULD/MAY failed)'],
  ['known-deviation', 'known deviation'],
  ['skipped', 'skipped'],
  ['not-tested', 'not tested'],
  ['passed', 'passed'],
] as const;

/** The filter bar: status, level, category and transport selects, the search box and the count of shown rows. */
export function filterBar(categories: readonly string[], transports: readonly Transport[]): string {
  const selects = [
    select('f-status', 'status', STATUSES),
    select('f-level', 'level', LEVELS.map((l) => [l, l] as const)),
    select('f-category', 'category', categories.map((c) => [c, c] as const)),
    select('f-transport', 'transport', transports.map((t) => [t, t] as const)),
  ].join('');
  return `<div class="filters" role="search">${selects}<label for="f-search">search <input id="f-search" type="search" placeholder="id or title"></label><span id="f-count" class="count"></span></div>`;
}
