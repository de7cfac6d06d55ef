# unclosed directive
<#list features as f>
${f.id}
