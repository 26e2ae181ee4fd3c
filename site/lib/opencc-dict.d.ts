// opencc-js types its converters but not its dictionaries: each is one string of "traditional simplified" pairs.
declare module 'opencc-js/dict/*' {
  const dict: string
  export default dict
}
