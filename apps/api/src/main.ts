import { x } from "@vufo/domain";
console.log(x(5n));
