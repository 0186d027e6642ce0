(function(){
"use strict";
var D=JSON.parse(document.getElementById("data").textContent);
var panel=document.getElementById("panel");
var L=D.labels,sel=null;
function info(td){
  var tr=td.parentNode,i=+tr.getAttribute("data-i"),c=td.cellIndex-1;
  if(isNaN(i)||c<0||td.classList.contains("n"))return null;
  var row=D.rows[i],x=D.extra[i+"."+c]||[],k=+td.className.replace(/\D/g,"");
  var sp=row[1],lang=D.langs[c],path=x[0]||"";
  if(!path&&D.classes[k]!=="missing"&&sp)path=mirror(sp,lang);
  return {lang:lang,key:row[0],src:sp,state:D.names[k],path:path,who:x[1]>=0?D.people[x[1]]:"",base:x[2]||"",behind:x[3]===undefined?-1:x[3],reason:x[4]||"",share:x[5]||"",words:x[6]===undefined?-1:x[6]};
}
function mirror(src,lang){
  var pre=D.root&&D.root!=="."?D.root+"/":"",rel=src.slice(pre.length);
  if(rel.indexOf(D.source+"/")===0)rel=rel.slice(D.source.length+1);
  return pre+lang+"/"+rel;
}
function tip(d){
  var s=[d.lang+" · "+d.state];
  if(d.path)s.push(L.path+": "+d.path);
  if(d.src)s.push(L.source+": "+d.src);
  if(d.who)s.push(L.translator+": "+d.who);
  if(d.base)s.push(L.baseline+": "+d.base);
  if(d.behind>=0)s.push(L.behind.replace("{n}",d.behind));
  if(d.reason)s.push(L.reason+": "+d.reason);
  if(d.share)s.push(L.progress+": "+d.share);
  if(d.words>0)s.push(L.words.replace("{n}",d.words));
  return s.join("\n");
}
function esc(s){return String(s).replace(/[&<>"]/g,function(c){return{"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;"}[c]})}
function show(td,d){
  if(sel)sel.classList.remove("sel");
  sel=td;td.classList.add("sel");
  var rows=[[L.path,d.path],[L.source,d.src],[L.translator,d.who],[L.baseline,d.base],[L.reason,d.reason],[L.progress,d.share]];
  var h='<button type="button" aria-label="'+esc(L.close)+'">×</button><b>'+esc(d.lang)+" · "+esc(d.state)+"</b>";
  if(d.behind>=0)h+=" · "+esc(L.behind.replace("{n}",d.behind));
  if(d.words>0)h+=" · "+esc(L.words.replace("{n}",d.words));
  h+="<dl>";
  rows.forEach(function(r){if(r[1])h+="<dt>"+esc(r[0])+"</dt><dd><code>"+esc(r[1])+"</code></dd>"});
  var id="diff-"+d.lang+"-"+d.key,there=document.getElementById(id);
  h+="<dt>"+esc(L.diff)+"</dt><dd>";
  if(there)h+='<a class="go" href="#'+esc(encodeURIComponent(id))+'" data-id="'+esc(id)+'">'+esc(L["diff-open"])+"</a>";
  else if(d.path&&d.src)h+="<code>langref diff --lang "+esc(d.lang)+" "+esc(d.path)+"</code> · "+esc(L["diff-soon"]);
  h+="</dd></dl>";
  panel.innerHTML=h;panel.hidden=false;
}
// The findings list: filters by language and rule.
var ff=document.getElementById("finding-filter");
if(ff)ff.addEventListener("change",function(){
  var lang=ff.elements.lang.value,rule=ff.elements.rule.value,n=0;
  document.querySelectorAll("#finding-list tbody tr").forEach(function(tr){
    var on=(!lang||tr.getAttribute("data-lang")===lang)&&(!rule||tr.getAttribute("data-rule")===rule);
    tr.hidden=!on;if(on)n++;
  });
  document.getElementById("finding-count").textContent=n;
});
// The stale pages past the first rows, added on request.
var more=document.getElementById("stale-more");
if(more)more.addEventListener("click",function(){
  var tb=document.querySelector("#stale-list tbody"),h="";
  JSON.parse(document.getElementById("stale-data").textContent).forEach(function(s){
    var p="<code>"+esc(s[1])+"</code>";
    if(s[4])p='<a href="'+esc(s[4])+'">'+p+"</a>";
    h+='<tr data-lang="'+esc(s[0])+'"><td>'+esc(s[0])+"</td><td>"+p+"</td><td>"+(s[2]>=0?s[2]:"—")+"</td><td>"+s[3]+"</td></tr>";
  });
  tb.insertAdjacentHTML("beforeend",h);more.parentNode.hidden=true;
});
var table=document.querySelector("table.hm");
if(!table)return;
table.addEventListener("mouseover",function(e){
  var td=e.target.closest("td");
  if(!td||td.title)return;
  var d=info(td);if(d)td.title=tip(d);
});
table.addEventListener("click",function(e){
  var b=e.target.closest("tr.gh");
  if(b){var tb=b.parentNode,f=tb.classList.toggle("folded");b.querySelector("button").setAttribute("aria-expanded",!f);return}
  var td=e.target.closest("td");
  if(!td)return;
  var d=info(td);if(d)show(td,d);
});
panel.addEventListener("click",function(e){
  if(e.target.tagName==="BUTTON"){panel.hidden=true;if(sel)sel.classList.remove("sel");return}
  var a=e.target.closest("a.go");
  if(a){var t=document.getElementById(a.getAttribute("data-id"));if(t){e.preventDefault();t.open=true;t.scrollIntoView();}}
});
window.addEventListener("beforeprint",function(){panel.hidden=true});
document.documentElement.setAttribute("data-ready","1");
})();
