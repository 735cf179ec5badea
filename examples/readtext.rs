fn main() {
    let p = std::env::args().nth(1).unwrap();
    let t = std::fs::read_to_string(p).unwrap();
    let c = plancheck::compiled::Compiled::new(&plancheck::Template::national()).unwrap();
    let r = plancheck::reading::read(&t, &c);
    print!("{}", r.text);
}
