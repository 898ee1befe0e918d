const isGatehouseSheet = (sheet: CSSStyleSheet) => {
  try {
    return [...sheet.cssRules].some((rule) => rule.cssText.includes('.gatehouse-sign-in-form'))
  } catch {
    return false // another origin's sheet cannot be read, and is not ours
  }
}

/** A story `beforeEach` that switches gatehouse's stylesheet off for one story and back on after it. */
export function withoutGatehouseStylesheet() {
  const sheets = [...document.styleSheets].filter(isGatehouseSheet)
  for (const sheet of sheets) sheet.disabled = true
  return () => {
    for (const sheet of sheets) sheet.disabled = false
  }
}
