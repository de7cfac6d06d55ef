# ${fileName} (${target}, CPython ${python.version}) by ${generator.name}
<#list features as f>
<#list f.variables as v>
${v.name}=${v.quotedValue}
</#list>
</#list>
<#list modules as m>
${m.line}
</#list>
<#list overrides as v>
${v.line}
</#list>
