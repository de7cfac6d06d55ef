<#-- A user's template: a header of its own, then one block per disabled feature, nothing else. -->
# ${fileName} for CPython ${python.version} (${target}), my layout
<#list features as f>
## ${f.id}
<#list f.variables as v>
${v.line}
</#list>
</#list>
