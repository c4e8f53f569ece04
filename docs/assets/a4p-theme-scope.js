// @ts-check
/* Material 9.8.1's inline script of partials/javascripts/base.html, as a file (overrides/base.html)
   so that the pages need no 'unsafe-inline' script. The one change: Material wrote the site's
   base URL into each page (new URL("../..", location), differing with the page's depth); this
   file, at <site>/assets/, finds the site from its own address instead. Loaded in <head>,
   before Material's bundle, which reads these four globals (their types: tests/tools/a4p.d.ts).
   The rest is Material's, verbatim, but for a cast of document.currentScript for the type check. */
__md_scope=new URL("..",/** @type {HTMLScriptElement} */(document.currentScript).src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
